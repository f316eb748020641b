package com.kin.messages;

import static com.kin.messages.MessagesReadIT.C1;
import static com.kin.messages.MessagesReadIT.M1;
import static com.kin.messages.MessagesReadIT.M2;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.kin.data.SqlMetrics;
import com.kin.testing.FunctionHarness;
import com.kin.testing.HeldLock;
import com.kin.testing.LambdaEvents;
import com.kin.testing.SampleUsers;
import com.kin.testing.TestDatabase;
import com.kin.testing.TwilioApi;
import io.micronaut.json.tree.JsonNode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Bulk message actions at their limit (500 ids) and failing in the middle of their transaction, through the real handler
 * fed events/messages/actions.json: one transaction per request, so a failed request changes nothing.
 */
class MessagesBulkTransactionIT {

    static TestDatabase db;
    static MessageData data;
    MessagesFunction function;

    @BeforeAll
    static void start() {
        db = TestDatabase.get();
        data = new MessageData(db);
    }

    /** Agent 1 owns C1: M1 inbound and unread, then M2 outbound, the conversation's last message. */
    @BeforeEach
    void seed() {
        function = MessagesFunction.fresh(db);
        db.truncateAll();
        SampleUsers.insert(db.dataSource());
        data.contact(C1, SampleUsers.AGENT1, "Wile");
        data.message(M1, "inbound", SampleUsers.AGENT1, C1, 0);
        data.message(M2, "outbound", SampleUsers.AGENT1, C1, 5);
    }

    @AfterEach
    void stop() {
        function.close();
    }

    @Test
    void bulk_fiveHundredIds_areAllDone_inTwoStatements() {
        List<UUID> ids = unreadInboundMessagesOfC1(500);
        SqlMetrics metrics = function.bean(SqlMetrics.class);
        long before = metrics.statementCount();

        APIGatewayV2HTTPResponse response = function.invoke(actions("markRead", ids));

        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(200);
        assertThat(metrics.statementCount() - before).isEqualTo(2);
        JsonNode result = function.body(response);
        assertThat(result.get("results").size()).isEqualTo(500);
        result.get("results").values().forEach(item -> assertThat(item.get("status").getStringValue()).isEqualTo("done"));
        assertThat(result.get("counts").get("done").getIntValue()).isEqualTo(500);
        assertThat(data.value("select count(*) from messages where read_at is not null and version = 2")).isEqualTo(500L);
        assertThat(data.value("select unread_count from conversations where contact_id = ?", C1)).isEqualTo(1);
    }

    /**
     * Another transaction holds contact C1 (as a contact bulk action or reassignment does while it works), so the delete's
     * conversation trigger waits for it past the statement timeout: the lock and the delete had run, the request fails
     * with 503, and the rollback brings back both messages and the conversation as it was.
     */
    @Test
    void bulk_failingInTheMiddleOfItsTransaction_changesNothing() {
        try (FunctionHarness impatient = withStatementTimeout();
             HeldLock contact = HeldLock.take(db.dataSource(), "select id from contacts where id = ? for update", C1)) {
            SqlMetrics metrics = impatient.bean(SqlMetrics.class);
            long before = metrics.statementCount();

            APIGatewayV2HTTPResponse response = impatient.invoke(actions("delete", List.of(M1, M2)));

            impatient.assertProblem(response, 503, null);
            assertThat(metrics.statementCount() - before).as("lock, delete").isEqualTo(2);
        }
        assertThat(data.value("select count(*) from messages where id in (?, ?)", M1, M2)).isEqualTo(2L);
        assertThat(data.value("select last_message_id from conversations where contact_id = ?", C1)).isEqualTo(M2);
        assertThat(data.value("select unread_count from conversations where contact_id = ?", C1)).isEqualTo(1);
    }

    /** Another instance of the function whose statements time out after one second (the smallest JDBC timeout). */
    private static FunctionHarness withStatementTimeout() {
        Map<String, Object> settings = new HashMap<>(Map.of(
                "twilio.account-sid", TwilioApi.ACCOUNT_SID,
                "twilio.auth-token", TwilioApi.AUTH_TOKEN,
                "twilio.api.base-url", TwilioApi.baseUrl(),
                "twilio.from-number", MessagesFunction.FROM_NUMBER,
                "twilio.status-callback-url", MessagesFunction.STATUS_CALLBACK));
        settings.put("db.statement-timeout-ms", "1000");
        return new FunctionHarness("messages", FunctionHarness.Tables.fresh("messages"), settings, MessagesHandler::new) {
        };
    }

    private static APIGatewayV2HTTPEvent actions(String action, List<UUID> ids) {
        List<String> quoted = new ArrayList<>();
        ids.forEach(id -> quoted.add("\"" + id + "\""));
        APIGatewayV2HTTPEvent event = LambdaEvents.http("messages/actions.json");
        event.setBody("{\"action\": \"" + action + "\", \"ids\": [" + String.join(", ", quoted) + "]}");
        return event;
    }

    /** {@code n} unread inbound messages into C1's thread, inserted in one statement. */
    private static List<UUID> unreadInboundMessagesOfC1(int n) {
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            ids.add(UUID.randomUUID());
        }
        String sql = "insert into messages (id, direction, status, body, from_number, to_number, user_id, contact_id) "
                + "select id, 'inbound', 'received', 'Bulk', '+14155550199', '+14155550100', ?, ? from unnest(?) as id";
        try (Connection c = db.dataSource().getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setObject(1, SampleUsers.AGENT1);
            s.setObject(2, C1);
            s.setArray(3, c.createArrayOf("uuid", ids.toArray()));
            s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("test data - failed to run: " + sql, e);
        }
        return ids;
    }
}
