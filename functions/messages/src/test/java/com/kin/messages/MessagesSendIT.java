package com.kin.messages;

import static com.kin.messages.Requests.replacing;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.kin.data.SqlMetrics;
import com.kin.testing.LambdaEvents;
import com.kin.testing.SampleUsers;
import com.kin.testing.TestDatabase;
import com.kin.testing.TwilioApi;
import io.micronaut.json.tree.JsonNode;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code POST /api/messages} through the real handler, events/messages/send.json, real Postgres and the real Twilio SDK. */
class MessagesSendIT {

    static final UUID C1 = MessagesReadIT.C1;
    static final UUID C2 = MessagesReadIT.C2;
    static final UUID TEMPLATE = UUID.fromString("22000000-0000-4000-8000-000000000001");
    static final String C1_MOBILE = "+14155550132";
    static final String C2_MOBILE = "+14155550145";
    static final String SID = "SM1f0e8ae6ade43cb3c0ce4525424e404f";

    static TestDatabase db;
    static MessageData data;
    MessagesFunction function;

    @BeforeAll
    static void start() {
        db = TestDatabase.get();
        data = new MessageData(db);
    }

    /** Agent 1 (sales) owns C1, agent 2 (support) owns C2; one template greets by name with an order number. */
    @BeforeEach
    void seed() {
        TwilioApi.reset();
        function = MessagesFunction.fresh(db);
        db.truncateAll();
        SampleUsers.insert(db.dataSource());
        data.execute("insert into contacts (id, owner_id, first_name, mobile_phone) values (?, ?, 'Wile', ?)",
                C1, SampleUsers.AGENT1, C1_MOBILE);
        data.execute("insert into contacts (id, owner_id, first_name, mobile_phone) values (?, ?, 'Road', ?)",
                C2, SampleUsers.AGENT2, C2_MOBILE);
        data.execute("insert into message_templates (id, name, body, variables) values (?, 'shipped', "
                + "'Hi {{name}}, order {{order}} shipped.', '{name,order}')", TEMPLATE);
    }

    @AfterEach
    void stop() {
        function.close();
    }

    @Test
    void send_toContact_storesItQueuedWithTwiliosSid_andAnswers201WithETag() {
        TwilioApi.answer(TwilioApi.MESSAGES, 201, "message-queued.json");

        APIGatewayV2HTTPResponse response = function.invoke(LambdaEvents.http("messages/send.json"));

        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(201);
        JsonNode message = function.body(response);
        assertThat(message.get("twilioMessageSid").getStringValue()).isEqualTo(SID);
        assertThat(message.get("status").getStringValue()).isEqualTo("queued");
        assertThat(message.get("direction").getStringValue()).isEqualTo("outbound");
        assertThat(message.get("userId").getStringValue()).isEqualTo(SampleUsers.AGENT1.toString());
        assertThat(message.get("contactId").getStringValue()).isEqualTo(C1.toString());
        assertThat(message.get("toNumber").getStringValue()).isEqualTo(C1_MOBILE);
        assertThat(message.get("fromNumber").getStringValue()).isEqualTo(MessagesFunction.FROM_NUMBER);
        assertThat(response.getHeaders()).containsEntry("ETag", "\"2\"")
                .containsEntry("Location", "/api/messages/" + message.get("id").getStringValue());
        Map<String, String> form = onlyTwilioRequest();
        assertThat(form).containsEntry("To", C1_MOBILE).containsEntry("From", MessagesFunction.FROM_NUMBER)
                .containsEntry("Body", "Hi Wile, your order shipped today.")
                .containsEntry("StatusCallback", MessagesFunction.STATUS_CALLBACK);
        assertThat(data.value("select twilio_message_sid from messages where contact_id = ?", C1)).isEqualTo(SID);
    }

    @Test
    void send_withTemplate_fillsTheVariablesAtSendTime() {
        TwilioApi.answer(TwilioApi.MESSAGES, 201, "message-queued.json");

        APIGatewayV2HTTPResponse response = function.invoke(withBody("{\"contactId\": \"" + C1 + "\", \"templateId\": \""
                + TEMPLATE + "\", \"variables\": {\"name\": \"Wile\", \"order\": \"#42\"}}"));

        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(201);
        assertThat(function.body(response).get("templateId").getStringValue()).isEqualTo(TEMPLATE.toString());
        assertThat(onlyTwilioRequest()).containsEntry("Body", "Hi Wile, order #42 shipped.");
        assertThat(data.value("select body from messages")).isEqualTo("Hi Wile, order #42 shipped.");
    }

    @Test
    void send_templateWithMissingAndUnknownVariables_returns400ListingThem_andSendsNothing() {
        APIGatewayV2HTTPResponse response = function.invoke(withBody("{\"contactId\": \"" + C1 + "\", \"templateId\": \""
                + TEMPLATE + "\", \"variables\": {\"name\": \"Wile\", \"coupon\": \"X1\"}}"));

        JsonNode problem = function.assertProblem(response, 400, "variables.order");
        assertThat(problem.get("errors").get("variables.coupon")).isNotNull();
        assertNothingSentOrStored();
    }

    @Test
    void send_invalidBody_returns400WithEveryField_andSendsNothing() {
        APIGatewayV2HTTPResponse response = function.invoke(withBody("{\"contactId\": \"" + C1 + "\", \"to\": \"12\", "
                + "\"variables\": {\"a\": \"b\"}, \"subject\": \"hi\"}"));

        JsonNode problem = function.assertProblem(response, 400, "contactId");
        assertThat(problem.get("errors").get("to")).isNotNull();
        assertThat(problem.get("errors").get("body")).isNotNull();
        assertThat(problem.get("errors").get("variables")).isNotNull();
        assertThat(problem.get("errors").get("subject").getStringValue()).isEqualTo("unknown field");
        assertNothingSentOrStored();
    }

    @Test
    void send_twilioRejectsTheNumber_returns502WithTwiliosCode_andTheRowRecordsTheFailure() {
        TwilioApi.answer(TwilioApi.MESSAGES, 400, "error-21211-invalid-to.json");

        APIGatewayV2HTTPResponse response = function.invoke(LambdaEvents.http("messages/send.json"));

        JsonNode problem = function.assertProblem(response, 502, null);
        assertThat(problem.get("providerCode").getIntValue()).isEqualTo(21211);
        List<Object[]> rows = data.rows("select status, error_code, error_message, twilio_message_sid from messages");
        assertThat(rows).hasSize(1);
        assertThat(rows.get(0)[0]).isEqualTo("failed");
        assertThat(rows.get(0)[1]).isEqualTo(21211);
        assertThat((String) rows.get(0)[2]).contains("not a valid phone number");
        assertThat(rows.get(0)[3]).isNull();
    }

    @Test
    void send_twilioDoesNotAnswerInTime_returns504_andTheRowRecordsTheFailure() {
        TwilioApi.answerAfter(TwilioApi.MESSAGES, MessagesFunction.TWILIO_ATTEMPT_TIMEOUT_MS * 3, "message-queued.json");

        APIGatewayV2HTTPResponse response = function.invoke(LambdaEvents.http("messages/send.json"));

        function.assertProblem(response, 504, null);
        List<Object[]> rows = data.rows("select status, error_code, error_message from messages");
        assertThat(rows).hasSize(1);
        assertThat(rows.get(0)[0]).isEqualTo("failed");
        assertThat(rows.get(0)[1]).isNull();
        assertThat((String) rows.get(0)[2]).contains("no answer");
        assertThat(TwilioApi.requests(TwilioApi.MESSAGES)).hasSize(1);
    }

    @Test
    void send_toAnOptedOutContact_returns409_andSendsNothing() {
        TwilioApi.answer(TwilioApi.MESSAGES, 201, "message-queued.json");
        data.execute("update contacts set sms_opt_out = true, sms_opt_out_at = now() where id = ?", C1);

        function.assertProblem(function.invoke(LambdaEvents.http("messages/send.json")), 409, null);

        assertNothingSentOrStored();
    }

    @Test
    void send_toANumberOfAnOptedOutContactTheCallerCannotSee_returns409_andSendsNothing() {
        TwilioApi.answer(TwilioApi.MESSAGES, 201, "message-queued.json");
        data.execute("update contacts set sms_opt_out = true where id = ?", C2);

        APIGatewayV2HTTPResponse response = function.invoke(withBody("{\"to\": \"(415) 555-0145\", \"body\": \"Hi\"}"));

        function.assertProblem(response, 409, null);
        assertNothingSentOrStored();
    }

    @Test
    void send_toANumber_isFiledUnderTheCallersContactWithThatNumber() {
        TwilioApi.answer(TwilioApi.MESSAGES, 201, "message-queued.json");

        APIGatewayV2HTTPResponse response = function.invoke(withBody("{\"to\": \"415-555-0132\", \"body\": \"Hi\"}"));

        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(201);
        assertThat(function.body(response).get("contactId").getStringValue()).isEqualTo(C1.toString());
        assertThat(onlyTwilioRequest()).containsEntry("To", C1_MOBILE);
    }

    @Test
    void send_toANumberOfAContactTheCallerCannotSee_isSentWithoutAContact() {
        TwilioApi.answer(TwilioApi.MESSAGES, 201, "message-queued.json");

        APIGatewayV2HTTPResponse response = function.invoke(withBody("{\"to\": \"" + C2_MOBILE + "\", \"body\": \"Hi\"}"));

        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(201);
        JsonNode contact = function.body(response).get("contactId");
        assertThat(contact == null || contact.isNull()).isTrue();
    }

    @Test
    void send_asTheDepartmentsManager_reachesItsAgentsContacts_notAnotherDepartments() {
        TwilioApi.answer(TwilioApi.MESSAGES, 201, "message-queued.json");

        // Another request than the sample's, so under its own Idempotency-Key.
        APIGatewayV2HTTPResponse otherDepartment = function.invoke(
                withIdempotencyKey(Requests.as("manager", replacing("messages/send.json", C1, C2))));
        APIGatewayV2HTTPResponse ownDepartment = function.invoke(Requests.as("manager", LambdaEvents.http("messages/send.json")));

        function.assertProblem(otherDepartment, 404, null);
        assertThat(ownDepartment.getStatusCode()).as(ownDepartment.getBody()).isEqualTo(201);
        assertThat(function.body(ownDepartment).get("userId").getStringValue()).isEqualTo(SampleUsers.MANAGER.toString());
        assertThat(TwilioApi.requests(TwilioApi.MESSAGES)).hasSize(1);
    }

    @Test
    void send_asAnAdmin_reachesAnyContact() {
        TwilioApi.answer(TwilioApi.MESSAGES, 201, "message-queued.json");

        APIGatewayV2HTTPResponse response = function.invoke(Requests.as("admin", replacing("messages/send.json", C1, C2)));

        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(201);
        assertThat(onlyTwilioRequest()).containsEntry("To", C2_MOBILE);
    }

    @Test
    void send_toAnotherAgentsContact_returns404_andSendsNothing() {
        function.assertProblem(function.invoke(replacing("messages/send.json", C1, C2)), 404, null);

        assertNothingSentOrStored();
    }

    @Test
    void send_toAContactWithoutAPhone_returns422_andSendsNothing() {
        data.execute("update contacts set mobile_phone = null where id = ?", C1);

        function.assertProblem(function.invoke(LambdaEvents.http("messages/send.json")), 422, null);

        assertNothingSentOrStored();
    }

    @Test
    void send_withoutClaims_returns401() {
        APIGatewayV2HTTPEvent event = LambdaEvents.http("messages/send.json");
        event.getRequestContext().setAuthorizer(null);

        function.assertProblem(function.invoke(event), 401, null);
        assertNothingSentOrStored();
    }

    @Test
    void send_retriedWithTheSameIdempotencyKey_sendsOneSms() {
        TwilioApi.answer(TwilioApi.MESSAGES, 201, "message-queued.json");

        APIGatewayV2HTTPResponse first = function.invoke(withIdempotencyKey(LambdaEvents.http("messages/send.json")));
        APIGatewayV2HTTPResponse retry = function.invoke(withIdempotencyKey(LambdaEvents.http("messages/send.json")));

        assertThat(first.getStatusCode()).isEqualTo(201);
        assertThat(retry.getStatusCode()).isEqualTo(201);
        assertThat(retry.getBody()).isEqualTo(first.getBody());
        assertThat(retry.getHeaders()).containsEntry("idempotent-replayed", "true");
        assertThat(TwilioApi.requests(TwilioApi.MESSAGES)).hasSize(1);
        assertThat(data.value("select count(*) from messages")).isEqualTo(1L);
    }

    /** The contact, the queued insert, then Twilio's answer under the SID's lock (the lock, the merging update). */
    @Test
    void send_runsFourStatements() {
        TwilioApi.answer(TwilioApi.MESSAGES, 201, "message-queued.json");
        SqlMetrics metrics = function.bean(SqlMetrics.class);
        long before = metrics.statementCount();

        function.invoke(LambdaEvents.http("messages/send.json"));

        assertThat(metrics.statementCount() - before).isEqualTo(4);
    }

    @Test
    void send_isSeenAtOnceByTheSendersCachedThreadAndConversations() {
        TwilioApi.answer(TwilioApi.MESSAGES, 201, "message-queued.json");
        APIGatewayV2HTTPEvent thread = LambdaEvents.http("messages/thread.json");
        function.invoke(LambdaEvents.http("messages/thread.json"));
        function.invoke(LambdaEvents.http("messages/conversations.json"));
        assertThat(function.invoke(LambdaEvents.http("messages/thread.json")).getHeaders()).containsEntry("x-cache", "l1");

        function.invoke(LambdaEvents.http("messages/send.json"));

        APIGatewayV2HTTPResponse threadAfter = function.invoke(thread);
        APIGatewayV2HTTPResponse conversationsAfter = function.invoke(LambdaEvents.http("messages/conversations.json"));
        assertThat(threadAfter.getHeaders()).containsEntry("x-cache", "miss");
        assertThat(function.body(threadAfter).get("items").get(0).get("twilioMessageSid").getStringValue()).isEqualTo(SID);
        assertThat(conversationsAfter.getHeaders()).containsEntry("x-cache", "miss");
        assertThat(function.body(conversationsAfter).get("items").size()).isEqualTo(1);
    }

    private void assertNothingSentOrStored() {
        assertThat(TwilioApi.requests(TwilioApi.MESSAGES)).isEmpty();
        assertThat(data.value("select count(*) from messages")).isEqualTo(0L);
    }

    /** The form of the one request Twilio got, decoded. */
    private static Map<String, String> onlyTwilioRequest() {
        List<LoggedRequest> requests = TwilioApi.requests(TwilioApi.MESSAGES);
        assertThat(requests).hasSize(1);
        Map<String, String> form = new HashMap<>();
        for (String pair : requests.get(0).getBodyAsString().split("&")) {
            String[] kv = pair.split("=", 2);
            form.put(URLDecoder.decode(kv[0], StandardCharsets.UTF_8),
                    kv.length > 1 ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "");
        }
        return form;
    }

    private static APIGatewayV2HTTPEvent withBody(String body) {
        APIGatewayV2HTTPEvent event = LambdaEvents.http("messages/send.json");
        event.setBody(body);
        return event;
    }

    private static APIGatewayV2HTTPEvent withIdempotencyKey(APIGatewayV2HTTPEvent event) {
        Map<String, String> headers = new HashMap<>(event.getHeaders());
        headers.put("idempotency-key", "send-wile-1");
        event.setHeaders(headers);
        return event;
    }
}
