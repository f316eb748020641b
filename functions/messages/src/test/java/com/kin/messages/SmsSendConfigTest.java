package com.kin.messages;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import org.junit.jupiter.api.Test;

class SmsSendConfigTest {

    static final String CALLBACK = "https://abc.lambda-url.us-east-1.on.aws/sms/status";
    static final String SERVICE = "MG0123456789abcdef0123456789abcdef";

    @Test
    void fromNumber_isTheSender() {
        SmsSendConfig config = new SmsSendConfig("+15017122661", null, CALLBACK);

        assertThat(config.sender()).isEqualTo("+15017122661");
        assertThat(config.statusCallback()).isEqualTo(URI.create(CALLBACK));
    }

    @Test
    void messagingService_isTheSender() {
        assertThat(new SmsSendConfig(" ", SERVICE, CALLBACK).sender()).isEqualTo(SERVICE);
    }

    @Test
    void noSender_failsNamingTheVariable() {
        assertThatThrownBy(() -> new SmsSendConfig(null, null, CALLBACK))
                .hasMessageStartingWith("TWILIO_FROM_NUMBER - ").hasMessageContaining("TWILIO_MESSAGING_SERVICE_SID");
    }

    @Test
    void bothSenders_fail() {
        assertThatThrownBy(() -> new SmsSendConfig("+15017122661", SERVICE, CALLBACK)).hasMessageContaining("both set");
    }

    @Test
    void malformedValues_failNamingTheirVariable() {
        assertThatThrownBy(() -> new SmsSendConfig("5017122661", null, CALLBACK))
                .hasMessageStartingWith("TWILIO_FROM_NUMBER - ");
        assertThatThrownBy(() -> new SmsSendConfig(null, "MG12", CALLBACK))
                .hasMessageStartingWith("TWILIO_MESSAGING_SERVICE_SID - ");
        assertThatThrownBy(() -> new SmsSendConfig("+15017122661", null, "/sms/status"))
                .hasMessageStartingWith("TWILIO_STATUS_CALLBACK_URL - ");
        assertThatThrownBy(() -> new SmsSendConfig("+15017122661", null, null))
                .hasMessageStartingWith("TWILIO_STATUS_CALLBACK_URL - ");
    }
}
