package com.kin.calls;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.kin.data.SqlMetrics;
import com.kin.testing.LambdaEvents;
import com.kin.testing.SampleCaller;
import com.kin.testing.SampleUsers;
import com.kin.testing.TestDatabase;
import com.kin.testing.TwilioApi;
import io.micronaut.json.tree.JsonNode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code GET /api/calls/{id}} and {@code POST /api/calls} as each role through the real handler, fed events/calls, with
 * Twilio's REST API on WireMock behind the real SDK.
 */
class CallsRolesIT {

    static final UUID CALL1 = CallsHandlerIT.CALL1;
    static final UUID CALL2 = CallsHandlerIT.CALL2;
    static final UUID CALL3 = CallsHandlerIT.CALL3;
    static final UUID CALL4 = CallsHandlerIT.CALL4;
    static final UUID C1 = ClickToCallIT.C1;
    static final UUID C2 = ClickToCallIT.C2;
    static final Instant DAY = Instant.parse("2026-11-20T00:00:00Z");

    static TestDatabase db;
    CallsFunction function;

    @BeforeAll
    static void start() {
        db = TestDatabase.get();
    }

    /**
     * The calls of {@link CallsHandlerIT} (CALL1 agent 1's, CALL2 agent 2's in support, CALL3 unanswered in sales, CALL4
     * agent 2's on a sales number); every sample user has a phone; agent 1 owns contact C1, agent 2 owns C2.
     */
    @BeforeEach
    void seed() {
        TwilioApi.reset();
        function = CallsFunction.fresh(db);
        db.truncateAll();
        DataSource ds = db.dataSource();
        SampleUsers.insert(ds);
        execute("update users set phone_number = '+1415555017' || substr(id::text, 36, 1)");
        execute("insert into contacts (id, owner_id, first_name, phone) values (?, ?, 'Wile', '+14155550188')",
                C1, SampleUsers.AGENT1);
        execute("insert into contacts (id, owner_id, first_name, phone) values (?, ?, 'Road', '+14155550145')",
                C2, SampleUsers.AGENT2);
        CallData.call(ds, CALL1, SampleUsers.AGENT1, "inbound", "completed", "+14155550101", "+14155550100", "sales",
                DAY.plusSeconds(36_000), "RE1");
        CallData.call(ds, CALL2, SampleUsers.AGENT2, "outbound", "completed", "+14155550200", "+14155550199", "support",
                DAY.plusSeconds(39_600), null);
        CallData.call(ds, CALL3, null, "inbound", "no-answer", "+14155550102", "+14155550100", "sales",
                DAY.plusSeconds(43_200), null);
        CallData.call(ds, CALL4, SampleUsers.AGENT2, "inbound", "completed", "+14155550103", "+14155550100", "sales",
                DAY.plusSeconds(32_400), null);
    }

    @AfterEach
    void stop() {
        function.close();
    }

    @ParameterizedTest(name = "{0} reads call {1}: {2}")
    @CsvSource({
        "AGENT1, 1, 200", "AGENT1, 2, 404", "AGENT1, 3, 404", "AGENT1, 4, 404",
        "MANAGER, 1, 200", "MANAGER, 2, 404", "MANAGER, 3, 200", "MANAGER, 4, 200",
        "ADMIN, 1, 200", "ADMIN, 2, 200", "ADMIN, 3, 200", "ADMIN, 4, 200"})
    void get_asEachRole_seesExactlyWhatItsVisibilityAllows(SampleCaller caller, int call, int status) {
        UUID id = UUID.fromString(String.format("20000000-0000-4000-8000-%012d", call));
        APIGatewayV2HTTPResponse response = function.invoke(caller.on(LambdaEvents.http("calls/get.json",
                json -> json.replace(CALL1.toString(), id.toString()))));

        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(status);
        if (status == 200) {
            assertThat(response.getHeaders()).containsEntry("ETag", "\"1\"");
            assertThat(function.body(response).get("call").get("id").getStringValue()).isEqualTo(id.toString());
        } else {
            assertThat(response.getHeaders().get("Content-Type")).startsWith("application/problem+json");
        }
    }

    @ParameterizedTest(name = "{0} calls contact {1}: {2}")
    @CsvSource({
        "AGENT1, 1, 201", "AGENT1, 2, 404",
        "MANAGER, 1, 201", "MANAGER, 2, 404",
        "ADMIN, 1, 201", "ADMIN, 2, 201"})
    void create_asEachRole_ringsTheCallersOwnPhone_forContactsItMaySee(SampleCaller caller, int contact, int status) {
        TwilioApi.answer(TwilioApi.CALLS, 201, "call-queued.json");
        UUID contactId = contact == 1 ? C1 : C2;

        APIGatewayV2HTTPResponse response = function.invoke(caller.on(LambdaEvents.http("calls/create.json",
                json -> json.replace(C1.toString(), contactId.toString()))));

        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(status);
        if (status == 201) {
            JsonNode call = function.body(response);
            assertThat(call.get("userId").getStringValue()).isEqualTo(caller.userId().toString());
            assertThat(call.get("contactId").getStringValue()).isEqualTo(contactId.toString());
            assertThat(call.get("toNumber").getStringValue()).isEqualTo(phoneOf(caller.userId()));
            assertThat(TwilioApi.requests(TwilioApi.CALLS)).hasSize(1);
            assertThat(count()).isEqualTo(5);
        } else {
            assertThat(TwilioApi.requests(TwilioApi.CALLS)).isEmpty();
            assertThat(count()).isEqualTo(4);
        }
    }

    @Test
    void create_toANumber_runsThreeStatements() {
        TwilioApi.answer(TwilioApi.CALLS, 201, "call-queued.json");
        APIGatewayV2HTTPEvent event = LambdaEvents.http("calls/create.json");
        event.setBody("{\"to\": \"(415) 555-0188\", \"via\": \"phone\"}");
        SqlMetrics metrics = function.bean(SqlMetrics.class);
        long before = metrics.statementCount();

        APIGatewayV2HTTPResponse response = function.invoke(event);

        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(201);
        assertThat(function.body(response).get("contactId").getStringValue()).isEqualTo(C1.toString());
        assertThat(metrics.statementCount() - before).isEqualTo(3);
    }

    private static String phoneOf(UUID user) {
        return "+1415555017" + user.toString().substring(35);
    }

    private static void execute(String sql, Object... params) {
        try (Connection c = db.dataSource().getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                s.setObject(i + 1, params[i]);
            }
            s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("test data - failed to run: " + sql, e);
        }
    }

    private static long count() {
        try (Connection c = db.dataSource().getConnection();
             PreparedStatement s = c.prepareStatement("select count(*) from calls"); ResultSet rs = s.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException("test data - cannot count calls", e);
        }
    }
}
