package com.kin.messages;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.kin.data.Database;
import com.kin.data.messages.MessageStatusEvent;
import com.kin.data.messages.MessageWebhookRepository;
import com.kin.testing.LambdaEvents;
import com.kin.testing.SampleUsers;
import com.kin.testing.TestDatabase;
import com.kin.testing.TwilioApi;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Twilio's status callback overtakes its REST answer: {@code delivered} arrives while the SDK still waits for the create
 * to return, before the send path stored the SID. WireMock holds the create and, before answering, applies the callback
 * as the messaging function does (the one-statement apply, which finds no message with the SID, then the locked
 * apply-or-keep); the send then records Twilio's {@code queued} answer and must end delivered, not queued.
 */
class StatusBeforeAcceptanceIT {

    static final String SID = MessagesSendIT.SID;

    static TestDatabase db;
    static MessageData data;
    MessagesFunction function;

    @BeforeAll
    static void start() {
        db = TestDatabase.get();
        data = new MessageData(db);
    }

    @BeforeEach
    void seed() {
        TwilioApi.reset();
        function = MessagesFunction.fresh(db);
        db.truncateAll();
        SampleUsers.insert(db.dataSource());
        data.execute("insert into contacts (id, owner_id, first_name, mobile_phone) values (?, ?, 'Wile', ?)",
                MessagesSendIT.C1, SampleUsers.AGENT1, MessagesSendIT.C1_MOBILE);
    }

    @AfterEach
    void stop() {
        function.close();
    }

    @Test
    void deliveredCallback_beforeTheSidIsStored_leavesTheMessageDelivered() {
        TwilioApi.answerAfterRunning(TwilioApi.MESSAGES, 201, "message-queued.json", () -> {
            statusCallback("sent");
            statusCallback("delivered");
            // Nothing has the SID yet: the callbacks are kept, the furthest status only.
            assertThat(data.value("select count(*) from messages where twilio_message_sid = ?", SID)).isEqualTo(0L);
            assertThat(data.value("select status from message_status_pending where twilio_message_sid = ?", SID))
                    .isEqualTo("delivered");
        });

        APIGatewayV2HTTPResponse response = function.invoke(LambdaEvents.http("messages/send.json"));

        TwilioApi.beforeAnswer().rethrow();
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(201);
        assertThat(function.body(response).get("status").getStringValue()).isEqualTo("delivered");
        List<Object[]> rows = data.rows("select status, sent_at, delivered_at from messages where twilio_message_sid = ?",
                SID);
        assertThat(rows).hasSize(1);
        assertThat(rows.get(0)[0]).isEqualTo("delivered");
        assertThat(rows.get(0)[1]).isNotNull();
        assertThat(rows.get(0)[2]).isNotNull();
        assertThat(data.value("select count(*) from message_status_pending")).isEqualTo(0L);
    }

    @Test
    void failedCallback_beforeTheSidIsStored_leavesTheMessageFailedWithTwiliosError() {
        TwilioApi.answerAfterRunning(TwilioApi.MESSAGES, 201, "message-queued.json", () -> {
            statusCallback("failed", 30003, "Unreachable destination handset");
            statusCallback("sent");
        });

        APIGatewayV2HTTPResponse response = function.invoke(LambdaEvents.http("messages/send.json"));

        TwilioApi.beforeAnswer().rethrow();
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(201);
        List<Object[]> rows = data.rows("select status, error_code, delivered_at from messages where twilio_message_sid = ?",
                SID);
        assertThat(rows).hasSize(1);
        assertThat(rows.get(0)).containsExactly("failed", 30003, null);
    }

    /** What the messaging function's MessageStatusService does with a callback, with the messages function's beans. */
    private void statusCallback(String status, Integer errorCode, String errorMessage) {
        Database database = function.bean(Database.class);
        MessageWebhookRepository webhooks = function.bean(MessageWebhookRepository.class);
        MessageStatusEvent event = new MessageStatusEvent(SID, status, errorCode, errorMessage);
        Instant now = Instant.now();
        assertThat(webhooks.applyStatus(database, event, now)
                .or(() -> database.transaction("test.status", sql -> webhooks.applyOrKeep(sql, event, now)))).isEmpty();
    }

    private void statusCallback(String status) {
        statusCallback(status, null, null);
    }
}
