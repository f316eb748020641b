package com.kin.calls;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.kin.testing.Db;
import com.kin.testing.LambdaEvents;
import com.kin.testing.SampleUsers;
import com.kin.testing.TestDatabase;
import com.kin.testing.TwilioApi;
import io.micronaut.json.tree.JsonNode;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Idempotency-Key on click-to-call ({@code POST /api/calls}) through the real handler, events/calls/create.json, Postgres,
 * DynamoDB Local and WireMock as Twilio: a retry never places a call twice.
 */
class CallsIdempotencyIT {

    static TestDatabase db;
    static Db sql;
    CallsFunction function;

    @BeforeAll
    static void start() {
        db = TestDatabase.get();
        sql = new Db(db.dataSource());
    }

    /** Agent 1 (sales) has a phone and owns C1, the contact of the sample event. */
    @BeforeEach
    void seed() {
        TwilioApi.reset();
        function = CallsFunction.fresh(db);
        db.truncateAll();
        SampleUsers.insert(db.dataSource());
        sql.execute("update users set phone_number = ? where id = ?", ClickToCallIT.AGENT1_PHONE, SampleUsers.AGENT1);
        sql.execute("insert into contacts (id, owner_id, first_name, phone) values (?, ?, 'Wile', ?)",
                ClickToCallIT.C1, SampleUsers.AGENT1, ClickToCallIT.C1_PHONE);
    }

    @AfterEach
    void stop() {
        function.close();
        sql.execute("drop trigger if exists kin_test_refuse_call on calls");
        sql.execute("drop function if exists kin_test_refuse_call()");
    }

    @Test
    void create_twilioTimesOut_retryWithTheSameKey_replaysThe504_andTwilioGetsOneRequest() {
        TwilioApi.answerAfter(TwilioApi.CALLS, CallsFunction.TWILIO_ATTEMPT_TIMEOUT_MS * 3, "call-queued.json");

        APIGatewayV2HTTPResponse first = function.invoke(withKey("call-timeout-1"));
        APIGatewayV2HTTPResponse retry = function.invoke(withKey("call-timeout-1"));

        function.assertProblem(first, 504, null);
        function.assertProblem(retry, 504, null);
        assertThat(retry.getBody()).isEqualTo(first.getBody());
        assertThat(retry.getHeaders()).containsEntry("idempotent-replayed", "true");
        assertThat(TwilioApi.requests(TwilioApi.CALLS)).hasSize(1);
        assertThat(sql.count("select count(*) from calls")).isZero();
    }

    @Test
    void create_twilioRefuses_retryWithTheSameKey_replaysThe502_withoutAskingTwilioAgain() {
        TwilioApi.answer(TwilioApi.CALLS, 400, "error-21211-invalid-to.json");

        APIGatewayV2HTTPResponse first = function.invoke(withKey("call-refused-1"));
        APIGatewayV2HTTPResponse retry = function.invoke(withKey("call-refused-1"));

        function.assertProblem(first, 502, null);
        assertThat(retry.getBody()).isEqualTo(first.getBody());
        assertThat(retry.getHeaders()).containsEntry("idempotent-replayed", "true");
        assertThat(TwilioApi.requests(TwilioApi.CALLS)).hasSize(1);
    }

    @Test
    void create_databaseFailsAfterTwilioPlacedTheCall_answers500Once_andARetryDoesNotPlaceItAgain() {
        TwilioApi.answer(TwilioApi.CALLS, 201, "call-queued.json");
        refuseRecordingCalls();

        APIGatewayV2HTTPResponse first = function.invoke(withKey("call-unrecorded-1"));
        APIGatewayV2HTTPResponse retry = function.invoke(withKey("call-unrecorded-1"));

        JsonNode problem = function.assertProblem(first, 500, null);
        assertThat(problem.get("detail").getStringValue()).contains(ClickToCallIT.SID, "do not place it again");
        assertThat(retry.getBody()).isEqualTo(first.getBody());
        assertThat(retry.getHeaders()).containsEntry("idempotent-replayed", "true");
        assertThat(TwilioApi.requests(TwilioApi.CALLS)).hasSize(1);
    }

    @Test
    void sameKeyWithAnotherBody_returns422_andPlacesNoSecondCall() {
        TwilioApi.answer(TwilioApi.CALLS, 201, "call-queued.json");
        APIGatewayV2HTTPResponse first = function.invoke(withKey("call-reused-1"));
        APIGatewayV2HTTPEvent other = withKey("call-reused-1");
        other.setBody("{\"contactId\": \"" + ClickToCallIT.C1 + "\", \"via\": \"client\"}");

        APIGatewayV2HTTPResponse reused = function.invoke(other);

        assertThat(first.getStatusCode()).as(first.getBody()).isEqualTo(201);
        function.assertProblem(reused, 422, null);
        assertThat(TwilioApi.requests(TwilioApi.CALLS)).hasSize(1);
        assertThat(sql.count("select count(*) from calls")).isEqualTo(1);
    }

    /** Makes recording a call fail as an unreachable database would (SQLSTATE 57P03: a 503). */
    private static void refuseRecordingCalls() {
        sql.execute("create or replace function kin_test_refuse_call() returns trigger language plpgsql as $$ begin "
                + "raise exception 'simulated outage' using errcode = '57P03'; end $$");
        sql.execute("create trigger kin_test_refuse_call before insert or update on calls for each row "
                + "execute function kin_test_refuse_call()");
    }

    /** events/calls/create.json carrying {@code key} as its Idempotency-Key. */
    private static APIGatewayV2HTTPEvent withKey(String key) {
        APIGatewayV2HTTPEvent event = LambdaEvents.http("calls/create.json");
        Map<String, String> headers = new HashMap<>(event.getHeaders());
        headers.put("idempotency-key", key);
        event.setHeaders(headers);
        return event;
    }
}
