package com.kin.calls;

import static com.kin.testing.LambdaEvents.as;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.kin.core.domain.CallDirection;
import com.kin.core.domain.CallStatus;
import com.kin.data.Database;
import com.kin.data.SqlMetrics;
import com.kin.data.calls.CallStatusEvent;
import com.kin.data.calls.CallWebhookRepository;
import com.kin.testing.LambdaEvents;
import com.kin.testing.SampleUsers;
import com.kin.testing.TestDatabase;
import com.kin.testing.TwilioApi;
import io.micronaut.json.tree.JsonNode;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Click-to-call ({@code POST /api/calls}) through the real handler, events/calls/create.json, Postgres and the real SDK. */
class ClickToCallIT {

    static final UUID C1 = UUID.fromString("10000000-0000-4000-8000-000000000001");
    static final UUID C2 = UUID.fromString("10000000-0000-4000-8000-000000000002");
    static final String AGENT1_PHONE = "+14155550177";
    static final String C1_PHONE = "+14155550188";
    static final String SID = "CA42ed11f93dc08b952027ffbc406d0868";
    static final String DIAL_C1 = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response><Dial callerId=\""
            + CallsFunction.FROM_NUMBER + "\"><Number>" + C1_PHONE + "</Number></Dial></Response>";

    static TestDatabase db;
    CallsFunction function;

    @BeforeAll
    static void start() {
        db = TestDatabase.get();
    }

    /** Agent 1 (sales) has a phone and owns C1; agent 2 (support) has no phone and owns C2. */
    @BeforeEach
    void seed() {
        TwilioApi.reset();
        function = CallsFunction.fresh(db);
        db.truncateAll();
        SampleUsers.insert(db.dataSource());
        execute("update users set phone_number = ? where id = ?", AGENT1_PHONE, SampleUsers.AGENT1);
        execute("insert into contacts (id, owner_id, first_name, phone, mobile_phone) values (?, ?, 'Wile', ?, "
                + "'+14155550199')", C1, SampleUsers.AGENT1, C1_PHONE);
        execute("insert into contacts (id, owner_id, first_name, phone) values (?, ?, 'Road', '+14155550145')",
                C2, SampleUsers.AGENT2);
    }

    @AfterEach
    void stop() {
        function.close();
    }

    @Test
    void create_forAContactViaPhone_ringsTheAgentThenDialsTheContact_andRecordsTheCall() {
        TwilioApi.answer(TwilioApi.CALLS, 201, "call-queued.json");

        APIGatewayV2HTTPResponse response = function.invoke(LambdaEvents.http("calls/create.json"));

        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(201);
        JsonNode call = function.body(response);
        assertThat(call.get("twilioCallSid").getStringValue()).isEqualTo(SID);
        assertThat(call.get("direction").getStringValue()).isEqualTo("outbound");
        assertThat(call.get("status").getStringValue()).isEqualTo("queued");
        assertThat(call.get("fromNumber").getStringValue()).isEqualTo(CallsFunction.FROM_NUMBER);
        assertThat(call.get("toNumber").getStringValue()).isEqualTo(AGENT1_PHONE);
        assertThat(call.get("userId").getStringValue()).isEqualTo(SampleUsers.AGENT1.toString());
        assertThat(call.get("contactId").getStringValue()).isEqualTo(C1.toString());
        assertThat(call.get("department").getStringValue()).isEqualTo("sales");
        assertThat(response.getHeaders()).containsEntry("ETag", "\"1\"")
                .containsEntry("Location", "/api/calls/" + call.get("id").getStringValue());
        LoggedRequest request = onlyTwilioRequest();
        assertThat(form(request)).containsEntry("To", AGENT1_PHONE).containsEntry("From", CallsFunction.FROM_NUMBER)
                .containsEntry("Twiml", DIAL_C1).containsEntry("StatusCallback", CallsFunction.STATUS_CALLBACK);
        assertThat(request.getBodyAsString()).contains("StatusCallbackEvent=initiated", "StatusCallbackEvent=completed");
    }

    @Test
    void create_viaClient_ringsTheAgentsBrowserClient() {
        TwilioApi.answer(TwilioApi.CALLS, 201, "call-queued.json");

        APIGatewayV2HTTPResponse response = function.invoke(withBody("{\"contactId\": \"" + C1 + "\", \"via\": \"client\"}"));

        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(201);
        assertThat(form(onlyTwilioRequest())).containsEntry("To", "client:agent1");
        assertThat(function.body(response).get("toNumber").getStringValue()).isEqualTo("client:agent1");
    }

    @Test
    void create_toANumber_dialsIt_andFilesTheCallUnderTheCallersContactWithThatNumber() {
        TwilioApi.answer(TwilioApi.CALLS, 201, "call-queued.json");

        APIGatewayV2HTTPResponse response = function.invoke(withBody("{\"to\": \"(415) 555-0199\", \"via\": \"phone\"}"));

        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(201);
        assertThat(function.body(response).get("contactId").getStringValue()).isEqualTo(C1.toString());
        assertThat(form(onlyTwilioRequest()).get("Twiml")).contains("<Number>+14155550199</Number>");
    }

    @Test
    void create_agentWithoutAPhone_returns400NamingTheMissingField_andPlacesNothing() {
        APIGatewayV2HTTPEvent event = as(withBody("{\"contactId\": \"" + C2 + "\", \"via\": \"phone\"}"),
                SampleUsers.AGENT2, "agent", "support");

        assertThat(assertProblem(function.invoke(event), 400).get("errors").get("phoneNumber")).isNotNull();
        assertNothingPlacedOrRecorded();
    }

    @Test
    void create_agentWithoutAClientIdentity_returns400NamingIt() {
        execute("update users set client_identity = null where id = ?", SampleUsers.AGENT1);

        JsonNode problem = assertProblem(function.invoke(withBody("{\"contactId\": \"" + C1 + "\", \"via\": \"client\"}")),
                400);

        assertThat(problem.get("errors").get("clientIdentity")).isNotNull();
        assertNothingPlacedOrRecorded();
    }

    @Test
    void create_invalidBody_returns400WithEveryField() {
        JsonNode problem = assertProblem(function.invoke(withBody("{\"to\": \"12\", \"via\": \"pigeon\", \"record\": true}")),
                400);

        assertThat(problem.get("errors").get("to")).isNotNull();
        assertThat(problem.get("errors").get("via")).isNotNull();
        assertThat(problem.get("errors").get("record").getStringValue()).isEqualTo("unknown field");
        assertNothingPlacedOrRecorded();
    }

    @Test
    void create_asTheDepartmentsManager_callsItsAgentsContact_fromTheManagersPhone() {
        TwilioApi.answer(TwilioApi.CALLS, 201, "call-queued.json");
        execute("update users set phone_number = '+14155550166' where id = ?", SampleUsers.MANAGER);

        APIGatewayV2HTTPResponse response = function.invoke(
                as(LambdaEvents.http("calls/create.json"), SampleUsers.MANAGER, "manager", "sales"));

        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(201);
        assertThat(function.body(response).get("userId").getStringValue()).isEqualTo(SampleUsers.MANAGER.toString());
        assertThat(form(onlyTwilioRequest())).containsEntry("To", "+14155550166").containsEntry("Twiml", DIAL_C1);
    }

    @Test
    void create_forAnotherAgentsContact_returns404_andPlacesNothing() {
        assertProblem(function.invoke(withBody("{\"contactId\": \"" + C2 + "\", \"via\": \"phone\"}")), 404);

        assertNothingPlacedOrRecorded();
    }

    @Test
    void create_forAContactWithoutANumber_returns422() {
        execute("update contacts set phone = null, mobile_phone = null where id = ?", C1);

        assertProblem(function.invoke(LambdaEvents.http("calls/create.json")), 422);

        assertNothingPlacedOrRecorded();
    }

    @Test
    void create_whenTheStatusCallbackArrivedFirst_fillsOnlyWhatItLacked_andKeepsItsStatus() {
        TwilioApi.answer(TwilioApi.CALLS, 201, "call-queued.json");
        Database database = function.bean(Database.class);
        function.bean(CallWebhookRepository.class).applyStatus(database, new CallStatusEvent(SID, CallStatus.RINGING, 2,
                CallDirection.OUTBOUND, CallsFunction.FROM_NUMBER, AGENT1_PHONE, Instant.now(), null), Instant.now());

        APIGatewayV2HTTPResponse response = function.invoke(LambdaEvents.http("calls/create.json"));

        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(201);
        JsonNode call = function.body(response);
        assertThat(call.get("status").getStringValue()).isEqualTo("ringing");
        assertThat(call.get("userId").getStringValue()).isEqualTo(SampleUsers.AGENT1.toString());
        assertThat(call.get("contactId").getStringValue()).isEqualTo(C1.toString());
        assertThat(call.get("department").getStringValue()).isEqualTo("sales");
        assertThat(count("select count(*) from calls")).isEqualTo(1);
        assertThat(count("select status_sequence from calls")).isEqualTo(2);
    }

    @Test
    void create_twilioRefuses_returns502WithTwiliosCode_andRecordsNothing() {
        TwilioApi.answer(TwilioApi.CALLS, 400, "error-21211-invalid-to.json");

        JsonNode problem = assertProblem(function.invoke(LambdaEvents.http("calls/create.json")), 502);

        assertThat(problem.get("providerCode").getIntValue()).isEqualTo(21211);
        assertThat(count("select count(*) from calls")).isZero();
    }

    @Test
    void create_twilioDoesNotAnswerInTime_returns504_andRecordsNothing() {
        TwilioApi.answerAfter(TwilioApi.CALLS, CallsFunction.TWILIO_ATTEMPT_TIMEOUT_MS * 3, "call-queued.json");

        assertProblem(function.invoke(LambdaEvents.http("calls/create.json")), 504);

        assertThat(count("select count(*) from calls")).isZero();
        assertThat(TwilioApi.requests(TwilioApi.CALLS)).hasSize(1);
    }

    @Test
    void create_retriedWithTheSameIdempotencyKey_placesOneCall() {
        TwilioApi.answer(TwilioApi.CALLS, 201, "call-queued.json");

        APIGatewayV2HTTPResponse first = function.invoke(withIdempotencyKey(LambdaEvents.http("calls/create.json")));
        APIGatewayV2HTTPResponse retry = function.invoke(withIdempotencyKey(LambdaEvents.http("calls/create.json")));

        assertThat(first.getStatusCode()).isEqualTo(201);
        assertThat(retry.getStatusCode()).isEqualTo(201);
        assertThat(retry.getBody()).isEqualTo(first.getBody());
        assertThat(retry.getHeaders()).containsEntry("idempotent-replayed", "true");
        assertThat(TwilioApi.requests(TwilioApi.CALLS)).hasSize(1);
        assertThat(count("select count(*) from calls")).isEqualTo(1);
    }

    @Test
    void create_runsThreeStatements() {
        TwilioApi.answer(TwilioApi.CALLS, 201, "call-queued.json");
        SqlMetrics metrics = function.bean(SqlMetrics.class);
        long before = metrics.statementCount();

        function.invoke(LambdaEvents.http("calls/create.json"));

        assertThat(metrics.statementCount() - before).isEqualTo(3);
    }

    @Test
    void create_isSeenAtOnceByTheCachedHistoryOfTheAgentAndOfTheDepartmentsManager() {
        TwilioApi.answer(TwilioApi.CALLS, 201, "call-queued.json");
        APIGatewayV2HTTPEvent managerList = as(LambdaEvents.http("calls/list.json"), SampleUsers.MANAGER, "manager", "sales");
        function.invoke(LambdaEvents.http("calls/list.json"));
        function.invoke(managerList);
        assertThat(function.invoke(LambdaEvents.http("calls/list.json")).getHeaders()).containsEntry("x-cache", "l1");

        function.invoke(LambdaEvents.http("calls/create.json"));

        APIGatewayV2HTTPResponse agentAfter = function.invoke(LambdaEvents.http("calls/list.json"));
        APIGatewayV2HTTPResponse managerAfter = function.invoke(
                as(LambdaEvents.http("calls/list.json"), SampleUsers.MANAGER, "manager", "sales"));
        assertThat(agentAfter.getHeaders()).containsEntry("x-cache", "miss");
        assertThat(function.body(agentAfter).get("items").size()).isEqualTo(1);
        assertThat(managerAfter.getHeaders()).containsEntry("x-cache", "miss");
        assertThat(function.body(managerAfter).get("items").size()).isEqualTo(1);
    }

    private void assertNothingPlacedOrRecorded() {
        assertThat(TwilioApi.requests(TwilioApi.CALLS)).isEmpty();
        assertThat(count("select count(*) from calls")).isZero();
    }

    private JsonNode assertProblem(APIGatewayV2HTTPResponse response, int status) {
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(status);
        assertThat(response.getHeaders().get("Content-Type")).startsWith("application/problem+json");
        assertThat(response.getBody()).doesNotContain("Exception").doesNotContain("select ");
        JsonNode problem = function.body(response);
        assertThat(problem.get("status").getIntValue()).isEqualTo(status);
        return problem;
    }

    private static LoggedRequest onlyTwilioRequest() {
        List<LoggedRequest> requests = TwilioApi.requests(TwilioApi.CALLS);
        assertThat(requests).hasSize(1);
        return requests.get(0);
    }

    /** The request's form, decoded; of a repeated name the last value. */
    private static Map<String, String> form(LoggedRequest request) {
        Map<String, String> form = new HashMap<>();
        for (String pair : request.getBodyAsString().split("&")) {
            String[] kv = pair.split("=", 2);
            form.put(URLDecoder.decode(kv[0], StandardCharsets.UTF_8),
                    kv.length > 1 ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "");
        }
        return form;
    }

    private static APIGatewayV2HTTPEvent withBody(String body) {
        APIGatewayV2HTTPEvent event = LambdaEvents.http("calls/create.json");
        event.setBody(body);
        return event;
    }

    private static APIGatewayV2HTTPEvent withIdempotencyKey(APIGatewayV2HTTPEvent event) {
        Map<String, String> headers = new HashMap<>(event.getHeaders());
        headers.put("idempotency-key", "call-wile-1");
        event.setHeaders(headers);
        return event;
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

    private static long count(String sql) {
        try (Connection c = db.dataSource().getConnection(); PreparedStatement s = c.prepareStatement(sql);
             ResultSet rs = s.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException("test data - failed to run: " + sql, e);
        }
    }
}
