package com.kin.twiliomessaging;

import static com.kin.twiliomessaging.MessagingData.sample;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.kin.testing.SampleUsers;
import com.kin.testing.TestDatabase;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Twilio's retry of a delivery: the same signed request, with the same {@code I-Twilio-Idempotency-Token}, delivered
 * again after the first one was processed. The token is only logged; the MessageSid each write is keyed on makes the
 * second delivery change nothing (shared/twilio README, "Duplicates"). One case per messaging webhook kind, and the
 * status callback of a SID not stored yet (kept in message_status_pending).
 */
class DuplicateDeliveryIT {

    static final String UNSTORED_SID = "SM0000000000000000000000000000d0ff";

    static TestDatabase database;
    static MessagingFunction function;
    MessagingData data;

    @BeforeAll
    static void start() {
        database = TestDatabase.get();
    }

    @BeforeEach
    void outboundMessageToo() {
        function = new MessagingFunction(database, Map.of());
        data = MessagingData.reset(database);
        data.db.execute("insert into messages (direction, status, body, from_number, to_number, user_id, contact_id, "
                + "twilio_message_sid) values ('outbound', 'queued', 'Your order shipped', ?, ?, ?, ?, ?)",
                MessagingSamples.OUR_NUMBER, MessagingSamples.CUSTOMER, SampleUsers.AGENT1, MessagingData.WILE,
                MessagingSamples.OUTBOUND_SID);
    }

    @AfterEach
    void stop() {
        function.close();
    }

    @Test
    void inboundSms_twice_storesOneMessage_andTheRetryGetsNoReply() {
        assertRetryChangesNothing(() -> sample(MessagingSamples.INBOUND_SMS), 200);
        assertThat(data.db.count("select count(*) from messages where direction = 'inbound'")).isEqualTo(1);
    }

    @Test
    void inboundStop_twice_optsOutOnce() {
        assertRetryChangesNothing(() -> sample(MessagingSamples.INBOUND_SMS, "Body", "STOP"), 200);
        assertThat(data.db.row("select sms_opt_out from contacts where id = ?", MessagingData.WILE))
                .containsEntry("sms_opt_out", true);
    }

    @Test
    void statusCallback_twice_movesTheMessageOnce() {
        assertRetryChangesNothing(() -> sample(MessagingSamples.STATUS), 204);
        assertThat(data.db.row("select status, version from messages where direction = 'outbound'"))
                .containsEntry("status", "delivered").containsEntry("version", 2L);
    }

    @Test
    void statusCallbackOfAnUnstoredSid_twice_isKeptOnce() {
        assertRetryChangesNothing(() -> sample(MessagingSamples.STATUS, "MessageSid", UNSTORED_SID, "SmsSid",
                UNSTORED_SID), 204);
        assertThat(data.db.count("select count(*) from message_status_pending where twilio_message_sid = ?",
                UNSTORED_SID)).isEqualTo(1);
    }

    private void assertRetryChangesNothing(Supplier<APIGatewayV2HTTPEvent> delivery, int status) {
        APIGatewayV2HTTPEvent first = delivery.get();
        APIGatewayV2HTTPEvent retry = delivery.get();
        assertThat(token(retry)).isNotBlank().isEqualTo(token(first));
        APIGatewayV2HTTPResponse firstAnswer = function.invoke(first);
        assertThat(firstAnswer.getStatusCode()).as(firstAnswer.getBody()).isEqualTo(status);
        String afterFirst = snapshot();

        APIGatewayV2HTTPResponse retryAnswer = function.invoke(retry);

        assertThat(retryAnswer.getStatusCode()).as(retryAnswer.getBody()).isEqualTo(status);
        if (status == 200) {
            assertThat(retryAnswer.getBody()).isEqualTo(InboundSmsIT.EMPTY_TWIML);
        }
        assertThat(snapshot()).isEqualTo(afterFirst);
    }

    private static String token(APIGatewayV2HTTPEvent event) {
        return event.getHeaders().get("i-twilio-idempotency-token");
    }

    /** Every row the messaging webhooks write, whole, in a stable order. */
    private String snapshot() {
        return String.valueOf(data.db.row("select "
                + "(select coalesce(json_agg(m order by m.id)::text, '') from messages m) as messages, "
                + "(select coalesce(json_agg(c order by c.id)::text, '') from contacts c) as contacts, "
                + "(select coalesce(json_agg(v order by v.contact_id)::text, '') from conversations v) as conversations, "
                + "(select coalesce(json_agg(p order by p.twilio_message_sid)::text, '') from message_status_pending p)"
                + " as pending"));
    }
}
