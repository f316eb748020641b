package com.kin.voicemails;

import static com.kin.testing.LambdaEvents.as;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.kin.data.SqlMetrics;
import com.kin.testing.LambdaEvents;
import com.kin.testing.SampleUsers;
import io.micronaut.json.tree.JsonNode;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The voicemail list and detail through the real handler, fed the events/ samples, against real Postgres. */
class VoicemailsReadIT extends VoicemailScenario {

    @Test
    void list_agentsOwnQueue_urgentFirst() {
        JsonNode page = ok(LambdaEvents.http("voicemails/list.json"));

        assertThat(ids(page.get("items"))).containsExactly(VM5, VM1);
        assertThat(page.get("items").get(0).get("priority").getStringValue()).isEqualTo("urgent");
    }

    @Test
    void list_agentQueues_unassignedAndDepartment_neverShowOtherAgentsVoicemails() {
        assertThat(ids(ok(list("queue=unassigned")).get("items"))).containsExactly(VM3);
        assertThat(ids(ok(list("queue=department")).get("items"))).containsExactly(VM3, VM1, VM5);
        assertThat(ids(ok(list("")).get("items"))).containsExactly(VM1, VM5);
    }

    @Test
    void list_nothingMatches_returnsEmptyItemsAndNoCursor() {
        JsonNode page = ok(list("queue=mine&priority=low"));

        assertThat(page.get("items").isArray()).isTrue();
        assertThat(page.get("items").size()).isZero();
        assertThat(page.get("nextCursor") == null || page.get("nextCursor").isNull()).isTrue();
    }

    @Test
    void list_allQueueAsAgent_returns403() {
        assertProblem(function.invoke(list("queue=all")), 403);
    }

    @Test
    void list_manager_seesItsDepartmentsQueueAndItsAgentsVoicemails() {
        assertThat(ids(ok(asManager(list(""))).get("items"))).containsExactly(VM3, VM1, VM5, VM6);
        assertThat(ids(ok(asManager(list("queue=unassigned"))).get("items"))).containsExactly(VM3);
    }

    @Test
    void list_admin_seesEverything_urgentFirstOnRequest() {
        assertThat(ids(ok(asAdmin(list(""))).get("items"))).containsExactly(VM3, VM2, VM1, VM4, VM5, VM6);
        assertThat(ids(ok(asAdmin(list("sort=priority"))).get("items"))).containsExactly(VM2, VM5, VM3, VM1, VM6, VM4);
        assertThat(ids(ok(asAdmin(list("queue=unassigned"))).get("items"))).containsExactly(VM3, VM4);
    }

    @Test
    void list_filtersByReadStatePriorityAndTime() {
        assertThat(ids(ok(asAdmin(list("unread=false"))).get("items"))).containsExactly(VM5);
        assertThat(ids(ok(asAdmin(list("unread=true&priority=urgent"))).get("items"))).containsExactly(VM2);
        assertThat(ids(ok(asAdmin(list("from=2026-11-20T09:00:00Z&to=2026-11-20T11:00:00Z"))).get("items")))
                .containsExactly(VM1, VM4);
    }

    @Test
    void list_badParameters_return400NamingEveryOne() {
        JsonNode problem = assertProblem(function.invoke(list("unread=maybe&priority=critical&from=today&limit=0")), 400);

        assertThat(errorFields(problem)).containsExactlyInAnyOrder("unread", "priority", "from", "limit");
        assertThat(errorFields(assertProblem(function.invoke(list("queue=everything")), 400))).containsExactly("queue");
        assertThat(errorFields(assertProblem(function.invoke(list("sort=oldest")), 400))).containsExactly("sort");
        assertThat(errorFields(assertProblem(function.invoke(list("cursor=bogus")), 400))).containsExactly("cursor");
    }

    @Test
    void list_departmentQueueWithoutDepartment_returns400() {
        APIGatewayV2HTTPEvent event = as(list("queue=department"), SampleUsers.ADMIN, "admin", null);

        assertThat(errorFields(assertProblem(function.invoke(event), 400))).containsExactly("queue");
    }

    @Test
    void list_keysetPagesByPriority_visitEveryRowOnceInOrder() {
        String[] priorities = {"low", "urgent", "high", "normal", "urgent", "low", "high"};
        for (int i = 0; i < priorities.length; i++) {
            VoicemailData.voicemail(db.dataSource(), UUID.randomUUID(), SampleUsers.AGENT1, "sales", priorities[i], false,
                    at(10));
        }
        Set<UUID> seen = new HashSet<>();
        int lastRank = Integer.MAX_VALUE;
        String cursor = null;
        do {
            JsonNode page = ok(list("queue=mine&sort=priority&limit=4" + (cursor == null ? "" : "&cursor=" + cursor)));
            for (JsonNode item : page.get("items").values()) {
                assertThat(seen.add(UUID.fromString(item.get("id").getStringValue()))).isTrue();
                int rank = rank(item.get("priority").getStringValue());
                assertThat(rank).isLessThanOrEqualTo(lastRank);
                lastRank = rank;
            }
            JsonNode next = page.get("nextCursor");
            cursor = next == null || next.isNull() ? null : next.getStringValue();
        } while (cursor != null);
        assertThat(seen).hasSize(9);
    }

    @Test
    void list_cursorOfAnotherSort_returns400() {
        JsonNode first = ok(list("queue=mine&sort=priority&limit=1"));
        String priorityCursor = first.get("nextCursor").getStringValue();

        assertProblem(function.invoke(list("queue=mine&sort=newest&cursor=" + priorityCursor)), 400);
    }

    @Test
    void get_returnsTranscriptionPlayableRecordingAndETag() {
        APIGatewayV2HTTPResponse response = function.invoke(LambdaEvents.http("voicemails/get.json"));

        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(200);
        assertThat(response.getHeaders()).containsEntry("ETag", "\"1\"");
        JsonNode body = function.body(response);
        assertThat(body.get("transcription").getStringValue()).contains("invoice 42");
        assertThat(body.get("recordingUrl").getStringValue())
                .isEqualTo(VoicemailData.RECORDINGS + "RE" + VM1.toString().replace("-", "") + ".mp3");
        assertThat(body.get("read").getBooleanValue()).isFalse();
        assertThat(body.get("priority").getStringValue()).isEqualTo("normal");
    }

    @Test
    void get_unassignedOfOwnDepartment_isOpen_otherAgentsAndOtherQueues_are404() {
        assertThat(ok(get(VM3)).get("id").getStringValue()).isEqualTo(VM3.toString());
        assertProblem(function.invoke(get(VM2)), 404);
        assertProblem(function.invoke(get(VM4)), 404);
        assertProblem(function.invoke(get(VM6)), 404);
    }

    @Test
    void get_managerSeesVoicemailOfItsDepartmentAnsweredByAnotherDepartment() {
        assertThat(ok(asManager(get(VM6))).get("assignedToId").getStringValue()).isEqualTo(SampleUsers.AGENT2.toString());
        assertProblem(function.invoke(asManager(get(VM2))), 404);
    }

    @Test
    void get_withoutClaims_returns401() {
        APIGatewayV2HTTPEvent event = LambdaEvents.http("voicemails/get.json");
        event.getRequestContext().setAuthorizer(null);

        assertProblem(function.invoke(event), 401);
    }

    @Test
    void getAndList_runOneStatementEach() {
        SqlMetrics metrics = function.bean(SqlMetrics.class);
        long before = metrics.statementCount();
        function.invoke(LambdaEvents.http("voicemails/get.json"));
        assertThat(metrics.statementCount() - before).isEqualTo(1);

        before = metrics.statementCount();
        assertThat(ok(asAdmin(list("limit=100"))).get("items").size()).isEqualTo(6);
        assertThat(metrics.statementCount() - before).isEqualTo(1);
    }

    private static APIGatewayV2HTTPEvent get(UUID id) {
        return LambdaEvents.http("voicemails/get.json", json -> json.replace(VM1.toString(), id.toString()));
    }

    private static int rank(String priority) {
        return switch (priority) {
            case "urgent" -> 4;
            case "high" -> 3;
            case "normal" -> 2;
            default -> 1;
        };
    }
}
