package com.kin.twiliomessaging;

import static com.kin.twiliomessaging.MessagingData.sample;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.kin.testing.SampleUsers;
import com.kin.testing.TestDatabase;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** POST /sms/status: an outbound message only moves forward; duplicates and late callbacks change nothing. */
class MessageStatusIT {

    static TestDatabase database;
    /** A fresh instance per test, over a fresh cache table. */
    static MessagingFunction function;
    MessagingData data;

    @BeforeAll
    static void start() {
        database = TestDatabase.get();
    }

    @AfterEach
    void stop() {
        function.close();
    }

    @BeforeEach
    void queuedOutboundMessage() {
        function = new MessagingFunction(database, Map.of());
        data = MessagingData.reset(database);
        data.db.execute("insert into messages (direction, status, body, from_number, to_number, user_id, contact_id, "
                + "twilio_message_sid) values ('outbound', 'queued', 'Your order shipped', ?, ?, ?, ?, ?)",
                MessagingSamples.OUR_NUMBER, MessagingSamples.CUSTOMER, SampleUsers.AGENT1, MessagingData.WILE,
                MessagingSamples.OUTBOUND_SID);
    }

    @Test
    void delivered_movesForward_andStampsSentAndDelivered() {
        accept(sample(MessagingSamples.STATUS));

        Map<String, Object> message = message();
        assertThat(message).containsEntry("status", "delivered").containsEntry("version", 2L);
        assertThat(message.get("sent_at")).isNotNull();
        assertThat(message.get("delivered_at")).isNotNull();
    }

    @Test
    void lateSent_afterDelivered_isIgnored() {
        accept(sample(MessagingSamples.STATUS));

        accept(status("sent"));
        accept(status("sending"));

        assertThat(message()).containsEntry("status", "delivered").containsEntry("version", 2L);
    }

    @Test
    void read_afterDelivered_applies_butDeliveredAfterRead_doesNot() {
        accept(status("sent"));
        accept(status("read"));
        Map<String, Object> read = message();

        accept(sample(MessagingSamples.STATUS));

        assertThat(message()).isEqualTo(read).containsEntry("status", "read");
        assertThat(read.get("delivered_at")).isNotNull();
    }

    @Test
    void duplicateDelivered_changesNothing() {
        accept(sample(MessagingSamples.STATUS));
        Map<String, Object> delivered = message();

        accept(sample(MessagingSamples.STATUS));

        assertThat(message()).isEqualTo(delivered);
    }

    @Test
    void failed_isFinal_andKeepsTwiliosError() {
        accept(sample(MessagingSamples.STATUS, "MessageStatus", "failed", "SmsStatus", "failed", "ErrorCode", "30003"));

        accept(sample(MessagingSamples.STATUS));
        accept(status("read"));

        assertThat(message()).containsEntry("status", "failed").containsEntry("error_code", 30003)
                .containsEntry("delivered_at", null).containsEntry("version", 2L);
    }

    @Test
    void undelivered_afterDelivered_isIgnored() {
        accept(sample(MessagingSamples.STATUS));

        accept(status("undelivered"));

        assertThat(message()).containsEntry("status", "delivered");
    }

    @Test
    void unknownSid_orUnknownStatus_changesNoMessage_anUnknownSidIsKeptForItsMessage() {
        accept(sample(MessagingSamples.STATUS, "MessageSid", "SM0000000000000000000000000000ffff", "SmsSid", null));
        accept(status("partially_delivered"));

        assertThat(message()).containsEntry("status", "queued").containsEntry("version", 1L);
        assertThat(data.db.count("select count(*) from messages")).isEqualTo(1);
        assertThat(data.db.row("select twilio_message_sid, status from message_status_pending"))
                .containsEntry("twilio_message_sid", "SM0000000000000000000000000000ffff")
                .containsEntry("status", "delivered");
    }

    @Test
    void lateOrDuplicateCallback_forAKnownSid_keepsNothing() {
        accept(sample(MessagingSamples.STATUS));

        accept(status("sent"));
        accept(sample(MessagingSamples.STATUS));

        assertThat(data.db.count("select count(*) from message_status_pending")).isZero();
    }

    @Test
    void inboundMessage_isNeverMovedByAStatusCallback() {
        APIGatewayV2HTTPResponse received = function.invoke(sample(MessagingSamples.INBOUND_SMS));
        assertThat(received.getStatusCode()).isEqualTo(200);

        accept(sample(MessagingSamples.STATUS, "MessageSid", MessagingSamples.INBOUND_SID, "SmsSid", null));

        assertThat(data.db.row("select status from messages where twilio_message_sid = ?", MessagingSamples.INBOUND_SID))
                .containsEntry("status", "received");
    }

    @Test
    void forgedCallback_returns403_readsAndWritesNothing() {
        APIGatewayV2HTTPEvent forged = sample(MessagingSamples.STATUS);
        Map<String, String> headers = new HashMap<>(forged.getHeaders());
        headers.put("x-twilio-signature", "AAAAAAAAAAAAAAAAAAAAAAAAAAA=");
        forged.setHeaders(headers);
        long before = function.statementCount();

        APIGatewayV2HTTPResponse response = function.invoke(forged);

        assertThat(response.getStatusCode()).isEqualTo(403);
        assertThat(response.getHeaders().get("Content-Type")).startsWith("application/problem+json");
        assertThat(function.statementCount() - before).isZero();
        assertThat(message()).containsEntry("status", "queued");
    }

    @Test
    void forgedInboundSms_returns403_andStoresNothing() {
        APIGatewayV2HTTPEvent forged = sample(MessagingSamples.INBOUND_SMS);
        forged.setBody(forged.getBody().substring(4));
        long before = function.statementCount();

        assertThat(function.invoke(forged).getStatusCode()).isEqualTo(403);
        assertThat(function.statementCount() - before).isZero();
        assertThat(data.db.count("select count(*) from messages")).isEqualTo(1);
    }

    @Test
    void statusCallback_runsOneStatement() {
        long before = function.statementCount();

        accept(sample(MessagingSamples.STATUS));

        assertThat(function.statementCount() - before).isEqualTo(1);
    }

    private static APIGatewayV2HTTPEvent status(String status) {
        return sample(MessagingSamples.STATUS, "MessageStatus", status, "SmsStatus", status);
    }

    private static void accept(APIGatewayV2HTTPEvent event) {
        APIGatewayV2HTTPResponse response = function.invoke(event);
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(204);
    }

    private Map<String, Object> message() {
        return data.db.row("select status, error_code, sent_at, delivered_at, version from messages "
                + "where twilio_message_sid = ?", MessagingSamples.OUTBOUND_SID);
    }
}
