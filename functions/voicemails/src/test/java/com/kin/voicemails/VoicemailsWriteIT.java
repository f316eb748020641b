package com.kin.voicemails;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.kin.data.SqlMetrics;
import com.kin.testing.LambdaEvents;
import com.kin.testing.SampleUsers;
import io.micronaut.json.tree.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Voicemail triage (PATCH) and bulk actions through the real handler, fed the events/ samples, against real Postgres. */
class VoicemailsWriteIT extends VoicemailScenario {

    @Test
    void update_currentIfMatch_marksReadSetsPriorityAndBumpsVersion() {
        APIGatewayV2HTTPResponse response = function.invoke(LambdaEvents.http("voicemails/update.json"));

        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(200);
        assertThat(response.getHeaders()).containsEntry("ETag", "\"2\"");
        JsonNode body = function.body(response);
        assertThat(body.get("read").getBooleanValue()).isTrue();
        assertThat(body.get("readAt").isNull()).isFalse();
        assertThat(body.get("priority").getStringValue()).isEqualTo("high");
        assertThat(VoicemailData.stored(db.dataSource(), VM1)).isEqualTo(
                new VoicemailData.Stored("high", true, SampleUsers.AGENT1, 2));
    }

    @Test
    void staleIfMatch_returns412AndChangesNothing() {
        function.invoke(LambdaEvents.http("voicemails/update.json"));

        APIGatewayV2HTTPResponse second = function.invoke(LambdaEvents.http("voicemails/update.json",
                json -> json.replace("\\\"read\\\": true", "\\\"read\\\": false").replace("high", "low")));

        assertProblem(second, 412);
        assertThat(VoicemailData.stored(db.dataSource(), VM1)).isEqualTo(
                new VoicemailData.Stored("high", true, SampleUsers.AGENT1, 2));
    }

    @Test
    void update_invalidFields_return400WithEveryFieldAndWriteNothing() {
        JsonNode problem = assertProblem(function.invoke(patch(VM1,
                "{\"read\": \"yes\", \"priority\": \"critical\", \"assignedToId\": null, \"colour\": \"red\"}")), 400);

        assertThat(errorFields(problem)).containsExactlyInAnyOrder("read", "priority", "assignedToId", "colour");
        assertProblem(function.invoke(patch(VM1, "{}")), 400);
        assertProblem(function.invoke(patch(VM1, "[true]")), 400);
        assertThat(VoicemailData.stored(db.dataSource(), VM1).version()).isEqualTo(1);
    }

    @Test
    void update_anotherAgentsVoicemail_returns404AndChangesNothing() {
        assertProblem(function.invoke(patch(VM2, "{\"read\": true}")), 404);
        assertThat(VoicemailData.stored(db.dataSource(), VM2).read()).isFalse();
    }

    @Test
    void agentPicksUpUnassignedVoicemailOfItsDepartment() {
        JsonNode body = ok(patch(VM3, "{\"assignedToId\": \"" + SampleUsers.AGENT1 + "\"}"));

        assertThat(body.get("assignedToId").getStringValue()).isEqualTo(SampleUsers.AGENT1.toString());
        assertThat(ids(ok(list("queue=unassigned")).get("items"))).isEmpty();
    }

    @Test
    void agentAssigningToAnotherUser_returns403() {
        assertProblem(function.invoke(patch(VM1, "{\"assignedToId\": \"" + SampleUsers.AGENT2 + "\"}")), 403);
        assertThat(VoicemailData.stored(db.dataSource(), VM1).assignedToId()).isEqualTo(SampleUsers.AGENT1);
    }

    @Test
    void managerAssignsWithinItsDepartmentOnly() {
        JsonNode body = ok(asManager(patch(VM3, "{\"assignedToId\": \"" + SampleUsers.AGENT1 + "\", \"priority\": \"urgent\"}")));
        assertThat(body.get("priority").getStringValue()).isEqualTo("urgent");

        JsonNode problem = assertProblem(function.invoke(asManager(patch(VM1,
                "{\"assignedToId\": \"" + SampleUsers.AGENT2 + "\"}"))), 400);
        assertThat(errorFields(problem)).containsExactly("assignedToId");
    }

    @Test
    void update_withReadOnly_runsOneStatement() {
        SqlMetrics metrics = function.bean(SqlMetrics.class);
        long before = metrics.statementCount();

        ok(patch(VM1, "{\"read\": true}"));

        assertThat(metrics.statementCount() - before).isEqualTo(1);
    }

    @Test
    void bulk_reportsEveryIdAndChangesOnlyWhatTheCallerMaySee() {
        UUID missing = UUID.randomUUID();
        APIGatewayV2HTTPResponse response = function.invoke(LambdaEvents.http("voicemails/bulk.json",
                json -> json.replace("\\\"" + id(2) + "\\\"]", "\\\"" + id(2) + "\\\", \\\"" + missing + "\\\"]")));

        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(200);
        JsonNode result = function.body(response);
        assertThat(statuses(result)).containsExactly("done", "forbidden", "not_found");
        assertThat(result.get("counts").get("done").getIntValue()).isEqualTo(1);
        assertThat(VoicemailData.stored(db.dataSource(), VM1).read()).isTrue();
        assertThat(VoicemailData.stored(db.dataSource(), VM2).read()).isFalse();
    }

    @Test
    void bulk_markReadOfReadVoicemail_isDoneWithoutNewVersion_markUnreadClearsIt() {
        ok(bulk("{\"action\": \"markRead\", \"ids\": [\"" + VM5 + "\"]}"));
        assertThat(VoicemailData.stored(db.dataSource(), VM5).version()).isEqualTo(1);

        JsonNode result = ok(bulk("{\"action\": \"markUnread\", \"ids\": [\"" + VM5 + "\", \"" + VM3 + "\"]}"));

        assertThat(statuses(result)).containsExactly("done", "done");
        assertThat(VoicemailData.stored(db.dataSource(), VM5)).isEqualTo(
                new VoicemailData.Stored("urgent", false, SampleUsers.AGENT1, 2));
        assertThat(VoicemailData.stored(db.dataSource(), VM3).version()).isEqualTo(1);
    }

    @Test
    void bulk_managerAssignsItsDepartmentsVoicemails() {
        JsonNode result = ok(asManager(bulk("{\"action\": \"assign\", \"assignedToId\": \"" + SampleUsers.AGENT1
                + "\", \"ids\": [\"" + VM3 + "\", \"" + VM6 + "\", \"" + VM4 + "\"]}")));

        assertThat(statuses(result)).containsExactly("done", "done", "forbidden");
        assertThat(VoicemailData.stored(db.dataSource(), VM6).assignedToId()).isEqualTo(SampleUsers.AGENT1);
        assertThat(VoicemailData.stored(db.dataSource(), VM4).assignedToId()).isNull();
    }

    @Test
    void bulk_adminDeletes() {
        JsonNode result = ok(asAdmin(bulk("{\"action\": \"delete\", \"ids\": [\"" + VM2 + "\", \"" + VM4 + "\"]}")));

        assertThat(statuses(result)).containsExactly("done", "done");
        assertThat(VoicemailData.stored(db.dataSource(), VM2)).isNull();
        assertThat(VoicemailData.stored(db.dataSource(), VM4)).isNull();
    }

    @Test
    void bulk_invalidRequests_return400AndWriteNothing() {
        List<String> tooMany = new ArrayList<>();
        for (int i = 0; i < 501; i++) {
            tooMany.add("\"" + UUID.randomUUID() + "\"");
        }
        assertThat(errorFields(assertProblem(function.invoke(bulk("{\"action\": \"delete\", \"ids\": ["
                + String.join(",", tooMany) + "]}")), 400))).containsExactly("ids");
        assertThat(errorFields(assertProblem(function.invoke(bulk("{\"action\": \"assign\", \"ids\": [\"" + VM1
                + "\"]}")), 400))).containsExactly("assignedToId");
        assertThat(errorFields(assertProblem(function.invoke(bulk("{\"action\": \"archive\", \"ids\": [\"x\"], \"y\": 1}")),
                400))).containsExactlyInAnyOrder("action", "ids", "y");
        assertThat(VoicemailData.stored(db.dataSource(), VM1).version()).isEqualTo(1);
    }

    @Test
    void bulk_runsOneLockAndOneWriteForTheBatch() {
        SqlMetrics metrics = function.bean(SqlMetrics.class);
        long before = metrics.statementCount();

        ok(asAdmin(bulk("{\"action\": \"markRead\", \"ids\": [\"" + VM1 + "\", \"" + VM2 + "\", \"" + VM3 + "\", \""
                + VM4 + "\", \"" + VM6 + "\"]}")));

        assertThat(metrics.statementCount() - before).isEqualTo(2);
    }

    /** The bulk sample with another body: another request, so under an Idempotency-Key of its own. */
    private static APIGatewayV2HTTPEvent bulk(String body) {
        APIGatewayV2HTTPEvent event = LambdaEvents.http("voicemails/bulk.json");
        event.setBody(body);
        event.getHeaders().put("idempotency-key", UUID.randomUUID().toString());
        return event;
    }

    private static List<String> statuses(JsonNode result) {
        List<String> statuses = new ArrayList<>();
        result.get("results").values().forEach(item -> statuses.add(item.get("status").getStringValue()));
        return statuses;
    }
}
