package com.kin.messages;

import static com.kin.messages.MessagesReadIT.C1;
import static com.kin.messages.MessagesReadIT.M1;
import static com.kin.messages.MessagesReadIT.M2;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.kin.data.SqlMetrics;
import com.kin.testing.LambdaEvents;
import com.kin.testing.LocalDynamoDb;
import com.kin.testing.SampleUsers;
import com.kin.testing.TestDatabase;
import com.kin.testing.TwilioApi;
import io.micronaut.json.tree.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Idempotency-Key on the messages function's POST routes ({@code /api/messages}, {@code /api/messages/actions}) through
 * the real handler, events/, Postgres, DynamoDB Local and WireMock as Twilio: a retry never sends an SMS twice.
 */
class MessagesIdempotencyIT {

    static final String C1_MOBILE = "+14155550132";
    /** Twilio's answer to the first attempt of the concurrent test, within the function's attempt timeout. */
    static final int TWILIO_DELAY_MS = MessagesFunction.TWILIO_ATTEMPT_TIMEOUT_MS * 7 / 10;

    static TestDatabase db;
    static MessageData data;
    MessagesFunction function;

    @BeforeAll
    static void start() {
        db = TestDatabase.get();
        data = new MessageData(db);
    }

    /** Agent 1 owns C1, with a mobile number and two unread inbound messages (M1, M2: the actions sample's ids). */
    @BeforeEach
    void seed() {
        TwilioApi.reset();
        function = MessagesFunction.fresh(db);
        db.truncateAll();
        SampleUsers.insert(db.dataSource());
        data.execute("insert into contacts (id, owner_id, first_name, mobile_phone) values (?, ?, 'Wile', ?)",
                C1, SampleUsers.AGENT1, C1_MOBILE);
        data.message(M1, "inbound", SampleUsers.AGENT1, C1, 0);
        data.message(M2, "inbound", SampleUsers.AGENT1, C1, 5);
    }

    @AfterEach
    void stop() {
        function.close();
        data.execute("drop trigger if exists kin_test_refuse_sid on messages");
        data.execute("drop function if exists kin_test_refuse_sid()");
    }

    @Test
    void send_twilioTimesOut_retryWithTheSameKey_replaysThe504_andTwilioGetsOneRequest() {
        TwilioApi.answerAfter(TwilioApi.MESSAGES, MessagesFunction.TWILIO_ATTEMPT_TIMEOUT_MS * 3, "message-queued.json");

        APIGatewayV2HTTPResponse first = function.invoke(withKey("messages/send.json", "send-timeout-1"));
        APIGatewayV2HTTPResponse retry = function.invoke(withKey("messages/send.json", "send-timeout-1"));

        function.assertProblem(first, 504, null);
        function.assertProblem(retry, 504, null);
        assertThat(retry.getBody()).isEqualTo(first.getBody());
        assertThat(retry.getHeaders()).containsEntry("idempotent-replayed", "true");
        assertThat(TwilioApi.requests(TwilioApi.MESSAGES)).hasSize(1);
        assertThat(data.value("select count(*) from messages where direction = 'outbound'")).isEqualTo(1L);
    }

    @Test
    void send_databaseFailsAfterTwilioAccepted_answers500Once_andARetryDoesNotSendAgain() {
        TwilioApi.answer(TwilioApi.MESSAGES, 201, "message-queued.json");
        refuseStoringTheSid();

        APIGatewayV2HTTPResponse first = function.invoke(withKey("messages/send.json", "send-unrecorded-1"));
        APIGatewayV2HTTPResponse retry = function.invoke(withKey("messages/send.json", "send-unrecorded-1"));

        JsonNode problem = function.assertProblem(first, 500, null);
        assertThat(problem.get("detail").getStringValue()).contains(MessagesSendIT.SID, "do not send it again");
        assertThat(retry.getStatusCode()).isEqualTo(500);
        assertThat(retry.getBody()).isEqualTo(first.getBody());
        assertThat(retry.getHeaders()).containsEntry("idempotent-replayed", "true");
        assertThat(TwilioApi.requests(TwilioApi.MESSAGES)).hasSize(1);
        assertThat(data.rows("select status, twilio_message_sid from messages where direction = 'outbound'"))
                .containsExactly(new Object[] {"queued", null});
    }

    @Test
    void send_twoConcurrentAttemptsWithTheSameKey_sendOneSms_theSecondIsTold409OrReplayed() throws Exception {
        TwilioApi.answerAfter(TwilioApi.MESSAGES, TWILIO_DELAY_MS, "message-queued.json");
        try (MessagesFunction other = new MessagesFunction(db, LocalDynamoDb.instance(), function.tables().cache(),
                function.tables().idempotency())) {
            other.invoke(LambdaEvents.http("messages/conversations.json")); // warm: the second attempt must be quick
            CompletableFuture<APIGatewayV2HTTPResponse> firstAttempt = CompletableFuture.supplyAsync(
                    () -> function.invoke(withKey("messages/send.json", "send-concurrent-1")));
            awaitTwilioRequest(firstAttempt);

            APIGatewayV2HTTPResponse concurrent = other.invoke(withKey("messages/send.json", "send-concurrent-1"));
            APIGatewayV2HTTPResponse first = firstAttempt.get();
            APIGatewayV2HTTPResponse later = other.invoke(withKey("messages/send.json", "send-concurrent-1"));

            assertThat(first.getStatusCode()).as(first.getBody()).isEqualTo(201);
            if (concurrent.getStatusCode() == 409) {
                function.assertProblem(concurrent, 409, null);
            } else {
                assertThat(concurrent.getHeaders()).as(concurrent.getBody()).containsEntry("idempotent-replayed", "true");
            }
            assertThat(later.getHeaders()).containsEntry("idempotent-replayed", "true");
            assertThat(later.getBody()).isEqualTo(first.getBody());
            assertThat(TwilioApi.requests(TwilioApi.MESSAGES)).hasSize(1);
            assertThat(data.value("select count(*) from messages where direction = 'outbound'")).isEqualTo(1L);
        }
    }

    @Test
    void actions_retryWithTheSameKey_replaysTheResult_withoutAnySqlStatement() {
        APIGatewayV2HTTPResponse first = function.invoke(withKey("messages/actions.json", "actions-1"));
        data.execute("update messages set read_at = null");
        SqlMetrics metrics = function.bean(SqlMetrics.class);
        long before = metrics.statementCount();

        APIGatewayV2HTTPResponse retry = function.invoke(withKey("messages/actions.json", "actions-1"));

        assertThat(first.getStatusCode()).as(first.getBody()).isEqualTo(200);
        assertThat(retry.getStatusCode()).isEqualTo(200);
        assertThat(retry.getBody()).isEqualTo(first.getBody());
        assertThat(retry.getHeaders()).containsEntry("idempotent-replayed", "true");
        assertThat(metrics.statementCount() - before).isZero();
        assertThat(data.value("select count(*) from messages where read_at is not null")).isEqualTo(0L);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "messages/send.json, 1, '{\"contactId\": \"10000000-0000-4000-8000-000000000001\", \"body\": \"Another text\"}'",
            "messages/actions.json, 0, '{\"action\": \"markUnread\", \"ids\": [\"20000000-0000-4000-8000-000000000001\"]}'"})
    void sameKeyWithAnotherBody_returns422_andRunsNothingMore(String sample, int smsSent, String otherBody) {
        TwilioApi.answer(TwilioApi.MESSAGES, 201, "message-queued.json");
        APIGatewayV2HTTPResponse first = function.invoke(withKey(sample, "reused-1"));
        Object readAfterFirst = data.value("select count(*) from messages where read_at is not null");
        APIGatewayV2HTTPEvent other = withKey(sample, "reused-1");
        other.setBody(otherBody);

        APIGatewayV2HTTPResponse reused = function.invoke(other);

        assertThat(first.getStatusCode()).as(first.getBody()).isIn(200, 201);
        function.assertProblem(reused, 422, null);
        assertThat(TwilioApi.requests(TwilioApi.MESSAGES)).hasSize(smsSent);
        assertThat(data.value("select count(*) from messages where direction = 'outbound'")).isEqualTo((long) smsSent);
        assertThat(data.value("select count(*) from messages where read_at is not null")).isEqualTo(readAfterFirst);
    }

    /** Makes the statement that stores Twilio's SID fail as an unreachable database would (SQLSTATE 57P03: 503). */
    private static void refuseStoringTheSid() {
        data.execute("create or replace function kin_test_refuse_sid() returns trigger language plpgsql as $$ begin "
                + "raise exception 'simulated outage' using errcode = '57P03'; end $$");
        data.execute("create trigger kin_test_refuse_sid before update on messages for each row "
                + "when (new.twilio_message_sid is not null) execute function kin_test_refuse_sid()");
    }

    /** Waits until Twilio has the first attempt's request: its key is then claimed and its answer still delayed. */
    private static void awaitTwilioRequest(CompletableFuture<?> attempt) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (TwilioApi.requests(TwilioApi.MESSAGES).isEmpty()) {
            assertThat(attempt).as("the first attempt ended before reaching Twilio").isNotDone();
            assertThat(Instant.now()).as("the first attempt never reached Twilio").isBefore(deadline);
            Thread.sleep(10);
        }
    }

    /** The sample event carrying {@code key} as its Idempotency-Key. */
    private static APIGatewayV2HTTPEvent withKey(String sample, String key) {
        APIGatewayV2HTTPEvent event = LambdaEvents.http(sample);
        Map<String, String> headers = new HashMap<>(event.getHeaders());
        headers.put("idempotency-key", key);
        event.setHeaders(headers);
        return event;
    }
}
