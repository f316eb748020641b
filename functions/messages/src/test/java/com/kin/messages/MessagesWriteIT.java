package com.kin.messages;

import static com.kin.messages.MessagesReadIT.C1;
import static com.kin.messages.MessagesReadIT.C2;
import static com.kin.messages.MessagesReadIT.M1;
import static com.kin.messages.MessagesReadIT.M2;
import static com.kin.messages.MessagesReadIT.M3;
import static com.kin.messages.Requests.as;
import static com.kin.messages.Requests.replacing;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.kin.data.SqlMetrics;
import com.kin.testing.LambdaEvents;
import com.kin.testing.SampleUsers;
import com.kin.testing.TestDatabase;
import io.micronaut.json.tree.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Read state (PATCH) and bulk actions through the real handler and events/, on real Postgres. */
class MessagesWriteIT {

    static TestDatabase db;
    static MessagesFunction function;
    static MessageData data;

    @BeforeAll
    static void start() {
        db = TestDatabase.get();
        data = new MessageData(db);
    }

    /** A fresh instance (and cache) per test: the database is reset between tests under the cache's feet. */
    @BeforeEach
    void startFunction() {
        function = MessagesFunction.fresh(db);
    }

    @AfterEach
    void stop() {
        function.close();
    }

    /** Agent 1 owns C1 (unread inbound M1, then outbound M2); agent 2 owns C2 (unread inbound M3). */
    @BeforeEach
    void seed() {
        db.truncateAll();
        SampleUsers.insert(db.dataSource());
        data.contact(C1, SampleUsers.AGENT1, "Wile");
        data.contact(C2, SampleUsers.AGENT2, "Road");
        data.message(M1, "inbound", SampleUsers.AGENT1, C1, 0);
        data.message(M2, "outbound", SampleUsers.AGENT1, C1, 5);
        data.message(M3, "inbound", SampleUsers.AGENT2, C2, 10);
    }

    @Test
    void update_markRead_setsReadAtBumpsVersionAndClearsUnreadCount() {
        APIGatewayV2HTTPResponse response = function.invoke(LambdaEvents.http("messages/update.json"));

        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(200);
        assertThat(response.getHeaders()).containsEntry("ETag", "\"2\"");
        assertThat(function.body(response).get("readAt").isNull()).isFalse();
        assertThat(unreadCount(C1)).isZero();
    }

    @Test
    void update_markUnreadAgain_clearsReadAtAndCountsItAgain() {
        function.invoke(LambdaEvents.http("messages/update.json"));

        APIGatewayV2HTTPResponse response = function.invoke(LambdaEvents.http("messages/update.json",
                json -> json.replace("\\\"read\\\": true", "\\\"read\\\": false").replace("\"\\\"1\\\"\"", "\"\\\"2\\\"\"")));

        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(200);
        JsonNode readAt = function.body(response).get("readAt");
        assertThat(readAt == null || readAt.isNull()).isTrue();
        assertThat(unreadCount(C1)).isEqualTo(1);
    }

    @Test
    void staleIfMatch_returns412AndChangesNothing() {
        function.invoke(LambdaEvents.http("messages/update.json"));
        data.execute("update messages set read_at = null where id = ?", M1);

        APIGatewayV2HTTPResponse second = function.invoke(LambdaEvents.http("messages/update.json"));

        function.assertProblem(second, 412, null);
        assertThat(data.value("select read_at from messages where id = ?", M1)).isNull();
    }

    @Test
    void update_invalidBody_returns400WithEveryFieldAndWritesNothing() {
        APIGatewayV2HTTPEvent event = LambdaEvents.http("messages/update.json");
        event.setBody("{\"read\": \"yes\", \"starred\": true}");

        JsonNode problem = function.assertProblem(function.invoke(event), 400, "read");

        assertThat(problem.get("errors").get("starred").getStringValue()).isEqualTo("unknown field");
        assertThat(data.value("select version from messages where id = ?", M1)).isEqualTo(1L);
    }

    @Test
    void update_anotherAgentsMessage_returns404() {
        function.assertProblem(function.invoke(replacing("messages/update.json", M1, M3)), 404, null);
        assertThat(data.value("select version from messages where id = ?", M3)).isEqualTo(1L);
    }

    @Test
    void update_runsOneStatement() {
        SqlMetrics metrics = function.bean(SqlMetrics.class);
        long before = metrics.statementCount();

        function.invoke(LambdaEvents.http("messages/update.json"));

        assertThat(metrics.statementCount() - before).isEqualTo(1);
    }

    @Test
    void bulk_markRead_reportsEveryIdAndChangesOnlyVisibleMessages() {
        UUID missing = UUID.randomUUID();
        APIGatewayV2HTTPEvent event = LambdaEvents.http("messages/actions.json");
        event.setBody(bulkBody("markRead", M1, M3, missing));

        APIGatewayV2HTTPResponse response = function.invoke(event);

        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(200);
        JsonNode result = function.body(response);
        assertThat(statusOf(result, M1)).isEqualTo("done");
        assertThat(statusOf(result, M3)).isEqualTo("forbidden");
        assertThat(statusOf(result, missing)).isEqualTo("not_found");
        assertThat(result.get("counts").get("done").getIntValue()).isEqualTo(1);
        assertThat(unreadCount(C1)).isZero();
        assertThat(unreadCount(C2)).isEqualTo(1);
    }

    @Test
    void bulk_markUnreadAsManager_coversTheDepartment() {
        data.execute("update messages set read_at = now()");
        APIGatewayV2HTTPEvent event = as("manager", LambdaEvents.http("messages/actions.json"));
        event.setBody(bulkBody("markUnread", M1, M3));

        JsonNode result = function.body(function.invoke(event));

        assertThat(statusOf(result, M1)).isEqualTo("done");
        assertThat(statusOf(result, M3)).isEqualTo("forbidden");
        assertThat(unreadCount(C1)).isEqualTo(1);
        assertThat(unreadCount(C2)).isZero();
    }

    @Test
    void bulk_delete_movesTheConversationToThePreviousMessage() {
        APIGatewayV2HTTPEvent event = LambdaEvents.http("messages/actions.json");
        event.setBody(bulkBody("delete", M2));

        JsonNode result = function.body(function.invoke(event));

        assertThat(statusOf(result, M2)).isEqualTo("done");
        assertThat(data.value("select last_message_id from conversations where contact_id = ?", C1)).isEqualTo(M1);
        function.assertProblem(function.invoke(replacing("messages/get.json", M1, M2)), 404, null);
    }

    @Test
    void bulk_invalidRequest_returns400WithEveryFieldAndChangesNothing() {
        List<UUID> tooMany = new ArrayList<>();
        for (int i = 0; i < 501; i++) {
            tooMany.add(UUID.randomUUID());
        }
        APIGatewayV2HTTPEvent event = LambdaEvents.http("messages/actions.json");
        event.setBody(bulkBody("archive", tooMany.toArray(UUID[]::new)).replace("}", ", \"force\": true}"));

        JsonNode problem = function.assertProblem(function.invoke(event), 400, "action");

        assertThat(problem.get("errors").get("ids")).isNotNull();
        assertThat(problem.get("errors").get("force")).isNotNull();
        assertThat(data.value("select count(*) from messages where read_at is not null")).isEqualTo(0L);
    }

    @Test
    void bulk_sampleEvent_runsTwoStatements() {
        SqlMetrics metrics = function.bean(SqlMetrics.class);
        long before = metrics.statementCount();

        APIGatewayV2HTTPResponse response = function.invoke(LambdaEvents.http("messages/actions.json"));

        assertThat(response.getStatusCode()).isEqualTo(200);
        assertThat(metrics.statementCount() - before).isEqualTo(2);
        assertThat(data.value("select count(*) from messages where read_at is not null")).isEqualTo(2L);
    }

    private static String bulkBody(String action, UUID... ids) {
        StringBuilder json = new StringBuilder("{\"action\": \"" + action + "\", \"ids\": [");
        for (int i = 0; i < ids.length; i++) {
            json.append(i == 0 ? "" : ", ").append('"').append(ids[i]).append('"');
        }
        return json.append("]}").toString();
    }

    private static int unreadCount(UUID contact) {
        return ((Number) data.value("select unread_count from conversations where contact_id = ?", contact)).intValue();
    }

    private static String statusOf(JsonNode result, UUID id) {
        for (JsonNode item : result.get("results").values()) {
            if (item.get("id").getStringValue().equals(id.toString())) {
                return item.get("status").getStringValue();
            }
        }
        throw new AssertionError("no result for " + id);
    }
}
