package com.kin.voicemails;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.kin.data.SqlMetrics;
import com.kin.testing.LambdaEvents;
import com.kin.testing.SampleUsers;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** How many SQL statements each kind of voicemail write runs through the real handler (no request may run more). */
class VoicemailStatementCountsIT extends VoicemailScenario {

    @Test
    void update_withPriority_runsOneStatement() {
        long statements = statementsOf(() -> patch(VM1, "{\"priority\": \"urgent\"}"));

        assertThat(statements).isEqualTo(1);
        assertThat(VoicemailData.stored(db.dataSource(), VM1).priority()).isEqualTo("urgent");
    }

    /** The assignee is checked (exists, active, may be assigned by this caller), then the one conditional update. */
    @Test
    void update_withAssignedToId_runsTwoStatements() {
        long statements = statementsOf(() -> asManager(patch(VM3, "{\"assignedToId\": \"" + SampleUsers.AGENT1 + "\"}")));

        assertThat(statements).isEqualTo(2);
        assertThat(VoicemailData.stored(db.dataSource(), VM3).assignedToId()).isEqualTo(SampleUsers.AGENT1);
    }

    /** The assignee check, one lock of the batch, one update of the batch. */
    @Test
    void bulkAssign_runsThreeStatements() {
        long statements = statementsOf(() -> asAdmin(bulk("{\"action\": \"assign\", \"assignedToId\": \""
                + SampleUsers.AGENT2 + "\", \"ids\": [\"" + VM1 + "\", \"" + VM3 + "\", \"" + VM4 + "\", \"" + VM6 + "\"]}")));

        assertThat(statements).isEqualTo(3);
        assertThat(VoicemailData.stored(db.dataSource(), VM1).assignedToId()).isEqualTo(SampleUsers.AGENT2);
        assertThat(VoicemailData.stored(db.dataSource(), VM4).assignedToId()).isEqualTo(SampleUsers.AGENT2);
    }

    /** Runs the request (which must succeed) and answers how many statements it ran. */
    private static long statementsOf(Supplier<APIGatewayV2HTTPEvent> request) {
        APIGatewayV2HTTPEvent event = request.get();
        SqlMetrics metrics = function.bean(SqlMetrics.class);
        long before = metrics.statementCount();
        ok(event);
        return metrics.statementCount() - before;
    }

    static APIGatewayV2HTTPEvent bulk(String body) {
        APIGatewayV2HTTPEvent event = LambdaEvents.http("voicemails/bulk.json");
        event.setBody(body);
        return event;
    }
}
