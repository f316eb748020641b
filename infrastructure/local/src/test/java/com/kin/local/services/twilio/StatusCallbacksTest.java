package com.kin.local.services.twilio;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StatusCallbacksTest {

    private static final String ACCOUNT = "AC0123456789abcdef0123456789abcdef";
    private static final URI CALLBACK = URI.create("http://127.0.0.1:3000/fn/F/status");
    private static final Instant T0 = Instant.parse("2026-01-15T10:00:00Z");

    @Test
    void message_isSentThenDelivered_withTheFieldsTwilioPosts() {
        TwilioRequests.MessageRequest message = new TwilioRequests.MessageRequest("+14155550100", "+15017122661", null,
                "hi", List.of(), CALLBACK);

        List<Map<String, String>> posted = StatusCallbacks.forMessage(ACCOUNT, "SM1", message).stream()
                .map(stage -> stage.params(T0)).toList();

        assertThat(posted).extracting(params -> params.get("MessageStatus")).containsExactly("sent", "delivered");
        assertThat(posted.get(1)).containsEntry("MessageSid", "SM1").containsEntry("SmsSid", "SM1")
                .containsEntry("SmsStatus", "delivered").containsEntry("AccountSid", ACCOUNT)
                .containsEntry("From", "+15017122661").containsEntry("To", "+14155550100")
                .containsEntry("ApiVersion", "2010-04-01").doesNotContainKey("MessagingServiceSid");
    }

    @Test
    void messageThroughAService_namesTheService() {
        String service = "MG0123456789abcdef0123456789abcdef";
        TwilioRequests.MessageRequest message = new TwilioRequests.MessageRequest("+14155550100", null, service, "hi",
                List.of(), CALLBACK);

        Map<String, String> sent = StatusCallbacks.forMessage(ACCOUNT, "SM1", message).get(0).params(T0);

        assertThat(sent).containsEntry("MessagingServiceSid", service);
    }

    @Test
    void callWithEveryEvent_goesInitiatedRingingInProgressCompleted() {
        TwilioRequests.CallRequest call = new TwilioRequests.CallRequest("+14155550100", "+15017122661", CALLBACK,
                List.of("completed", "answered", "ringing", "initiated"));
        List<StatusCallbacks.Stage> stages = StatusCallbacks.forCall(ACCOUNT, "CA1", call);

        List<Map<String, String>> posted = List.of(stages.get(0).params(T0), stages.get(1).params(T0.plusMillis(200)),
                stages.get(2).params(T0.plusMillis(400)), stages.get(3).params(T0.plusMillis(2600)));

        assertThat(posted).extracting(params -> params.get("CallStatus"))
                .containsExactly("initiated", "ringing", "in-progress", "completed");
        assertThat(posted).extracting(params -> params.get("SequenceNumber")).containsExactly("0", "1", "2", "3");
        assertThat(posted).allSatisfy(params -> assertThat(params).containsEntry("CallSid", "CA1")
                .containsEntry("Direction", "outbound-api").containsEntry("From", "+15017122661")
                .containsEntry("To", "+14155550100").containsEntry("AccountSid", ACCOUNT));
        // Answered at +400 ms, hung up at +2600 ms: 2.2 s, billed as 3 s and one minute.
        assertThat(posted.get(3)).containsEntry("CallDuration", "3").containsEntry("Duration", "1");
        assertThat(posted.get(2)).doesNotContainKey("CallDuration");
    }

    @Test
    void callTimestamp_isRfc1123AsTheVoiceWebhookParsesIt() {
        TwilioRequests.CallRequest call = new TwilioRequests.CallRequest("+14155550100", "+15017122661", CALLBACK,
                List.of("completed"));

        String timestamp = StatusCallbacks.forCall(ACCOUNT, "CA1", call).get(0).params(T0).get("Timestamp");

        assertThat(ZonedDateTime.parse(timestamp, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant()).isEqualTo(T0);
    }

    @Test
    void callWithOnlyCompleted_postsOneCallbackNumberedZero() {
        TwilioRequests.CallRequest call = new TwilioRequests.CallRequest("+14155550100", "+15017122661", CALLBACK,
                List.of("completed"));

        List<StatusCallbacks.Stage> stages = StatusCallbacks.forCall(ACCOUNT, "CA1", call);

        assertThat(stages).hasSize(1);
        assertThat(stages.get(0).params(T0)).containsEntry("CallStatus", "completed").containsEntry("SequenceNumber", "0")
                .containsEntry("CallDuration", "1");
    }
}
