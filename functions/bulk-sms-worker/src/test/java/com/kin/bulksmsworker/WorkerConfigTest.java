package com.kin.bulksmsworker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class WorkerConfigTest {

    static final String SENDER = "+15017122661";

    @Test
    void phoneNumberOrMessagingService_isAcceptedAsSender() {
        assertThat(new WorkerConfig(SENDER, 10, 5, 300).sender()).isEqualTo(SENDER);
        assertThat(new WorkerConfig("MG0123456789abcdef0123456789abcdef", 10, 5, 300).ratePerSecond()).isEqualTo(10);
    }

    @Test
    void missingOrMalformedSender_namesTheVariable() {
        assertThatThrownBy(() -> new WorkerConfig(null, 10, 5, 300)).hasMessageStartingWith("BULK_SMS_SENDER - ");
        assertThatThrownBy(() -> new WorkerConfig("5017122661", 10, 5, 300)).hasMessageStartingWith("BULK_SMS_SENDER - ");
    }

    @Test
    void rateOutOfRange_namesTheVariable() {
        assertThatThrownBy(() -> new WorkerConfig(SENDER, 0, 5, 300))
                .hasMessageStartingWith("BULK_SMS_RATE_PER_SECOND - ").hasMessageContaining("got 0.0");
        assertThatThrownBy(() -> new WorkerConfig(SENDER, 1_000_000, 5, 300))
                .hasMessageStartingWith("BULK_SMS_RATE_PER_SECOND - ");
    }

    @Test
    void receiveCountAndStaleSeconds_outOfRange_nameTheirVariables() {
        assertThatThrownBy(() -> new WorkerConfig(SENDER, 10, 0, 300))
                .hasMessageStartingWith("BULK_SMS_MAX_RECEIVE_COUNT - ");
        assertThatThrownBy(() -> new WorkerConfig(SENDER, 10, 5, 5))
                .hasMessageStartingWith("BULK_SMS_SENDING_STALE_SECONDS - ");
    }

    @Test
    void statusCallback_mustBeAnAbsoluteHttpUrl_orUnset() {
        assertThat(new StatusCallbackConfig(null).uri()).isEmpty();
        assertThat(new StatusCallbackConfig("").uri()).isEmpty();
        assertThat(new StatusCallbackConfig("https://hooks.kin.example/status").uri()).isPresent();
        assertThatThrownBy(() -> new StatusCallbackConfig("hooks.kin.example/status"))
                .hasMessageStartingWith("TWILIO_STATUS_CALLBACK_URL - ");
    }
}
