package com.kin.observability.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TwilioSidsTest {

    private static final String CALL_SID = "CA0123456789abcdef0123456789abcdef";
    private static final String MESSAGE_SID = "SM0123456789abcdef0123456789abcdef";

    @Test
    void fromForm_voiceWebhook_findsCallSid() {
        String form = "AccountSid=AC0123456789abcdef0123456789abcdef&CallSid=" + CALL_SID + "&From=%2B14155550123";

        assertThat(TwilioSids.fromForm(form)).contains(CALL_SID);
    }

    @Test
    void fromForm_messagingWebhook_findsMessageSid() {
        String form = "MessageSid=" + MESSAGE_SID + "&Body=hello+there&From=%2B14155550123";

        assertThat(TwilioSids.fromForm(form)).contains(MESSAGE_SID);
    }

    @Test
    void fromForm_forgedSid_isIgnored() {
        assertThat(TwilioSids.fromForm("CallSid=%22%7D%2C%22level%22%3A%22ERROR")).isEmpty();
    }

    @Test
    void fromForm_ordinaryForm_findsNothing() {
        assertThat(TwilioSids.fromForm("name=Ada&phone=%2B14155550123")).isEmpty();
        assertThat(TwilioSids.fromForm(null)).isEmpty();
    }
}
