package com.kin.twiliomessaging;

import static com.kin.twiliomessaging.MessagingData.sample;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.kin.core.domain.Message;
import com.kin.data.Database;
import com.kin.data.messages.OutboundMessageRepository;
import com.kin.testing.SampleUsers;
import com.kin.testing.TestDatabase;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * POST /sms/status for a message whose SID is not stored yet (the callback overtook Twilio's REST answer): the callback
 * is kept, forward only, and merged when the send path stores the SID (OutboundMessageRepository.markAccepted, as
 * POST /api/messages runs it); kept callbacks older than a day are purged.
 */
class PendingStatusIT {

    static final String SID = "SM0000000000000000000000000000d001";
    static final UUID QUEUED = UUID.fromString("27000000-0000-4000-8000-000000000001");

    static TestDatabase database;
    static MessagingFunction function;
    MessagingData data;

    @BeforeAll
    static void start() {
        database = TestDatabase.get();
    }

    @BeforeEach
    void queuedMessageWithoutItsSid() {
        function = new MessagingFunction(database, Map.of());
        data = MessagingData.reset(database);
        data.db.execute("insert into messages (id, direction, status, body, from_number, to_number, user_id, contact_id) "
                + "values (?, 'outbound', 'queued', 'Your order shipped', ?, ?, ?, ?)", QUEUED,
                MessagingSamples.OUR_NUMBER, MessagingSamples.CUSTOMER, SampleUsers.AGENT1, MessagingData.WILE);
    }

    @AfterEach
    void stop() {
        function.close();
    }

    @Test
    void deliveredThenSent_beforeTheSid_isKeptAsDelivered_andMergedWhenTheSidIsStored() {
        accept("delivered");
        accept("sent");
        assertThat(pending()).containsEntry("status", "delivered");
        assertThat(pending().get("sent_at")).isNotNull();

        Message accepted = markAccepted("queued");

        assertThat(accepted.status()).isEqualTo("delivered");
        Map<String, Object> message = data.db.row("select status, twilio_message_sid, sent_at, delivered_at, version "
                + "from messages where id = ?", QUEUED);
        assertThat(message).containsEntry("status", "delivered").containsEntry("twilio_message_sid", SID)
                .containsEntry("version", 2L);
        assertThat(message.get("delivered_at")).isNotNull();
        assertThat(data.db.count("select count(*) from message_status_pending")).isZero();
    }

    @Test
    void failedBeforeTheSid_isFinal_andBringsTwiliosError() {
        accept(sample(MessagingSamples.STATUS, "MessageSid", SID, "SmsSid", SID, "MessageStatus", "failed",
                "SmsStatus", "failed", "ErrorCode", "30003"));
        accept("read");

        markAccepted("queued");

        assertThat(data.db.row("select status, error_code, delivered_at from messages where id = ?", QUEUED))
                .containsEntry("status", "failed").containsEntry("error_code", 30003).containsEntry("delivered_at", null);
    }

    @Test
    void twiliosAnswer_furtherThanTheKeptCallback_wins() {
        accept("queued");

        markAccepted("sent");

        assertThat(data.db.row("select status from messages where id = ?", QUEUED)).containsEntry("status", "sent");
        assertThat(data.db.count("select count(*) from message_status_pending")).isZero();
    }

    @Test
    void callbackAfterTheSidIsStored_isAppliedDirectly_notKept() {
        markAccepted("queued");

        accept("delivered");

        assertThat(data.db.row("select status from messages where id = ?", QUEUED)).containsEntry("status", "delivered");
        assertThat(data.db.count("select count(*) from message_status_pending")).isZero();
    }

    @Test
    void keptCallbacksOlderThanADay_arePurgedByTheNextOne() {
        data.db.execute("insert into message_status_pending (twilio_message_sid, status, created_at, updated_at) values "
                + "('SM00000000000000000000000000000old', 'sent', now() - interval '25 hours', now() - interval '25 hours'), "
                + "('SM00000000000000000000000000000new', 'sent', now() - interval '23 hours', now() - interval '23 hours')");

        accept("delivered");

        assertThat(data.db.count("select count(*) from message_status_pending where twilio_message_sid in (?, ?)",
                "SM00000000000000000000000000000new", SID)).isEqualTo(2);
        assertThat(data.db.count("select count(*) from message_status_pending")).isEqualTo(2);
    }

    private void accept(String status) {
        accept(sample(MessagingSamples.STATUS, "MessageSid", SID, "SmsSid", SID, "MessageStatus", status,
                "SmsStatus", status));
    }

    private static void accept(APIGatewayV2HTTPEvent event) {
        APIGatewayV2HTTPResponse response = function.invoke(event);
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(204);
    }

    /** What POST /api/messages does with Twilio's answer: in a transaction, as MessageSender runs it. */
    private Message markAccepted(String twilioStatus) {
        Database db = function.bean(Database.class);
        OutboundMessageRepository outbound = function.bean(OutboundMessageRepository.class);
        return db.transaction("test.accepted", sql -> outbound.markAccepted(sql, QUEUED, SID, twilioStatus,
                Instant.now()));
    }

    private Map<String, Object> pending() {
        return data.db.row("select status, sent_at, delivered_at from message_status_pending where twilio_message_sid = ?",
                SID);
    }
}
