package com.kin.twilio.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.kin.core.error.BadRequestError;
import org.junit.jupiter.api.Test;

class SignedWebhookTest {

    static final SignedWebhook WEBHOOK = new SignedWebhook(
            FormBody.parse("CallSid=CA1&Blank=+&SequenceNumber=3&CallDuration=soon", false),
            "https://hooks.kin.example/twilio", "token-1");

    @Test
    void required_returnsTheTrimmedValue_or400NamingTheParameter() {
        assertThat(WEBHOOK.required("CallSid")).isEqualTo("CA1");
        assertThatThrownBy(() -> WEBHOOK.required("Blank"))
                .isInstanceOf(BadRequestError.class).hasMessageContaining("Blank");
        assertThatThrownBy(() -> WEBHOOK.required("From"))
                .isInstanceOf(BadRequestError.class).hasMessageContaining("From");
    }

    @Test
    void integer_parsesWholeNumbers_or400() {
        assertThat(WEBHOOK.integer("SequenceNumber")).contains(3);
        assertThat(WEBHOOK.integer("Missing")).isEmpty();
        assertThatThrownBy(() -> WEBHOOK.integer("CallDuration"))
                .isInstanceOf(BadRequestError.class).hasMessageContaining("CallDuration");
    }

    @Test
    void callbackUrl_keepsThePublicBasesPathPrefix() {
        assertThat(WEBHOOK.callbackUrl("/voice/recording")).isEqualTo("https://hooks.kin.example/twilio/voice/recording");
    }
}
