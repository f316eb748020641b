package com.kin.voicemails;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.kin.testing.Db;
import com.kin.testing.LambdaEvents;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Idempotency-Key on {@code POST /api/voicemails/bulk} through the real handler and events/voicemails/bulk.json. */
class VoicemailsIdempotencyIT extends VoicemailScenario {

    /** Each voicemail's read state, in one text: what a bulk action that ran again would change. */
    private static final String READ_STATE = "select string_agg(id || '=' || (read_at is not null), ';' order by id) "
            + "as state from voicemails";

    @Test
    void bulk_sameKeyWithAnotherBody_returns422_andChangesNothing() {
        Db sql = new Db(db.dataSource());
        APIGatewayV2HTTPResponse first = function.invoke(withKey("bulk-reused-1"));
        Object afterFirst = sql.row(READ_STATE).get("state");
        APIGatewayV2HTTPEvent other = withKey("bulk-reused-1");
        other.setBody("{\"action\": \"markUnread\", \"ids\": [\"" + VM1 + "\", \"" + VM5 + "\"]}");

        APIGatewayV2HTTPResponse reused = function.invoke(other);

        assertThat(first.getStatusCode()).as(first.getBody()).isEqualTo(200);
        assertProblem(reused, 422);
        assertThat(sql.row(READ_STATE).get("state")).isEqualTo(afterFirst);
        assertThat(VoicemailData.stored(db.dataSource(), VM1).read()).isTrue();
        assertThat(VoicemailData.stored(db.dataSource(), VM5).read()).isTrue();
    }

    /** events/voicemails/bulk.json carrying {@code key} as its Idempotency-Key. */
    private static APIGatewayV2HTTPEvent withKey(String key) {
        APIGatewayV2HTTPEvent event = LambdaEvents.http("voicemails/bulk.json");
        Map<String, String> headers = new HashMap<>(event.getHeaders());
        headers.put("idempotency-key", key);
        event.setHeaders(headers);
        return event;
    }
}
