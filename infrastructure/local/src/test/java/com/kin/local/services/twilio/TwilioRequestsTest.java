package com.kin.local.services.twilio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Test;

class TwilioRequestsTest {

    private static final String SMS = "To=%2B14155550100&From=%2B15017122661&Body=hi";
    private static final String CALL = "To=%2B14155550100&From=%2B15017122661&Url=http%3A%2F%2F127.0.0.1%2Ftwiml";

    @Test
    void validMessage_isRead() {
        TwilioRequests.MessageRequest message = TwilioRequests.message(FormFields.parse(SMS
                + "&StatusCallback=http%3A%2F%2F127.0.0.1%3A3000%2Fs"));

        assertThat(message.to()).isEqualTo("+14155550100");
        assertThat(message.body()).isEqualTo("hi");
        assertThat(message.statusCallback()).hasToString("http://127.0.0.1:3000/s");
    }

    @Test
    void messageWithoutTo_answers21604() {
        assertRejected(() -> TwilioRequests.message(FormFields.parse("From=%2B15017122661&Body=hi")), 21604);
    }

    @Test
    void messageWithoutFromOrService_answers21603() {
        assertRejected(() -> TwilioRequests.message(FormFields.parse("To=%2B14155550100&Body=hi")), 21603);
    }

    @Test
    void messageWithoutBodyOrMedia_answers21602() {
        assertRejected(() -> TwilioRequests.message(FormFields.parse("To=%2B14155550100&From=%2B15017122661")), 21602);
    }

    @Test
    void mediaOnlyMessage_isAccepted() {
        TwilioRequests.MessageRequest message = TwilioRequests.message(FormFields.parse(
                "To=%2B14155550100&From=%2B15017122661&MediaUrl=http%3A%2F%2F127.0.0.1%2Fa.png"));

        assertThat(message.mediaUrls()).containsExactly("http://127.0.0.1/a.png");
    }

    @Test
    void bodyOver1600Characters_answers21617() {
        assertRejected(() -> TwilioRequests.message(FormFields.parse(SMS + "x".repeat(1600))), 21617);
    }

    @Test
    void toNotE164_answers21211() {
        assertRejected(() -> TwilioRequests.message(FormFields.parse("To=4155550100&From=%2B15017122661&Body=hi")), 21211);
    }

    @Test
    void magicInvalidNumber_answers21211() {
        assertRejected(() -> TwilioRequests.message(FormFields.parse(SMS.replace("14155550100", "15005550001"))), 21211);
    }

    @Test
    void magicNonMobileNumber_answers21614() {
        assertRejected(() -> TwilioRequests.message(FormFields.parse(SMS.replace("14155550100", "15005550009"))), 21614);
    }

    @Test
    void magicInvalidFrom_answers21212() {
        assertRejected(() -> TwilioRequests.message(FormFields.parse(SMS.replace("15017122661", "15005550001"))), 21212);
    }

    @Test
    void badStatusCallback_answers21609() {
        assertRejected(() -> TwilioRequests.message(FormFields.parse(SMS + "&StatusCallback=not+a+url")), 21609);
    }

    @Test
    void callWithoutUrlOrTwiml_answers21205() {
        assertRejected(() -> TwilioRequests.call(FormFields.parse("To=%2B14155550100&From=%2B15017122661")), 21205);
    }

    @Test
    void callWithoutFrom_answers21213() {
        assertRejected(() -> TwilioRequests.call(FormFields.parse("To=%2B14155550100&Twiml=%3CResponse%2F%3E")), 21213);
    }

    @Test
    void callToMagicInvalidNumber_answers21217() {
        assertRejected(() -> TwilioRequests.call(FormFields.parse(CALL.replace("14155550100", "15005550001"))), 21217);
    }

    @Test
    void callToAVoiceClient_isAccepted() {
        TwilioRequests.CallRequest call = TwilioRequests.call(FormFields.parse(CALL.replace("%2B14155550100",
                "client%3Aagent_alex")));

        assertThat(call.to()).isEqualTo("client:agent_alex");
    }

    @Test
    void callToAClientWithoutIdentity_answers21211() {
        assertRejected(() -> TwilioRequests.call(FormFields.parse(CALL.replace("%2B14155550100", "client%3A"))), 21211);
    }

    @Test
    void callWithoutEvents_reportsOnlyCompletion() {
        TwilioRequests.CallRequest call = TwilioRequests.call(FormFields.parse(CALL));

        assertThat(call.statusCallbackEvents()).containsExactly("completed");
    }

    @Test
    void callWithUnknownEvent_answers21626() {
        assertRejected(() -> TwilioRequests.call(FormFields.parse(CALL + "&StatusCallbackEvent=hungup")), 21626);
    }

    private static void assertRejected(org.assertj.core.api.ThrowableAssert.ThrowingCallable request, int code) {
        AbstractThrowableAssert<?, ? extends Throwable> thrown = assertThatThrownBy(request)
                .isInstanceOf(TwilioRejection.class);
        thrown.satisfies(e -> {
            TwilioError error = ((TwilioRejection) e).error();
            assertThat(error.code()).isEqualTo(code);
            assertThat(error.status()).isEqualTo(400);
            assertThat(error.body()).containsEntry("more_info", "https://www.twilio.com/docs/errors/" + code);
        });
    }
}
