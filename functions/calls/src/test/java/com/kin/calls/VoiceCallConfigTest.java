package com.kin.calls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import org.junit.jupiter.api.Test;

class VoiceCallConfigTest {

    static final String CALLBACK = "https://abc.lambda-url.us-east-1.on.aws/voice/status";

    @Test
    void validValues_areServedTrimmed() {
        VoiceCallConfig config = new VoiceCallConfig(" +15017122661 ", CALLBACK);

        assertThat(config.callerId()).isEqualTo("+15017122661");
        assertThat(config.statusCallback()).isEqualTo(URI.create(CALLBACK));
    }

    @Test
    void missingOrMalformedValues_failNamingTheirVariable() {
        assertThatThrownBy(() -> new VoiceCallConfig(null, CALLBACK)).hasMessageStartingWith("TWILIO_FROM_NUMBER - ");
        assertThatThrownBy(() -> new VoiceCallConfig("MG0123456789abcdef0123456789abcdef", CALLBACK))
                .hasMessageStartingWith("TWILIO_FROM_NUMBER - ");
        assertThatThrownBy(() -> new VoiceCallConfig("+15017122661", null))
                .hasMessageStartingWith("TWILIO_VOICE_STATUS_CALLBACK_URL - ");
        assertThatThrownBy(() -> new VoiceCallConfig("+15017122661", "ftp://hooks.kin.example/voice/status"))
                .hasMessageStartingWith("TWILIO_VOICE_STATUS_CALLBACK_URL - ");
    }
}
