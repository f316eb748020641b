package com.kin.twilio.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class BackoffTest {

    static Backoff backoff(double jitter) {
        return new Backoff(Duration.ofMillis(200), Duration.ofMillis(2000), () -> jitter);
    }

    @Test
    void noJitter_waitsHalfTheDoublingCeiling() {
        Backoff backoff = backoff(0.0);

        assertThat(backoff.pauseAfter(1)).isEqualTo(Duration.ofMillis(100));
        assertThat(backoff.pauseAfter(2)).isEqualTo(Duration.ofMillis(200));
        assertThat(backoff.pauseAfter(3)).isEqualTo(Duration.ofMillis(400));
    }

    @Test
    void fullJitter_waitsTheWholeCeiling() {
        Backoff backoff = backoff(1.0);

        assertThat(backoff.pauseAfter(1)).isEqualTo(Duration.ofMillis(200));
        assertThat(backoff.pauseAfter(4)).isEqualTo(Duration.ofMillis(1600));
    }

    @Test
    void ceiling_isCappedAtMax_evenForLateAttempts() {
        assertThat(backoff(1.0).pauseAfter(5)).isEqualTo(Duration.ofMillis(2000));
        assertThat(backoff(0.5).pauseAfter(64)).isEqualTo(Duration.ofMillis(1500));
    }

    @Test
    void attemptNumbers_areOneBased() {
        assertThatThrownBy(() -> backoff(0.0).pauseAfter(0)).isInstanceOf(IllegalArgumentException.class);
    }
}
