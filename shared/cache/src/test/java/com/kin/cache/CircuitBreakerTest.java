package com.kin.cache;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class CircuitBreakerTest {

    private final MutableClock clock = MutableClock.startingNow();
    private final CircuitBreaker breaker = new CircuitBreaker(clock, Duration.ofSeconds(5));

    @Test
    void firstFailure_opensAndIsReportedOnce() {
        assertThat(breaker.tryAcquire()).isTrue();

        assertThat(breaker.onFailure()).isTrue();
        assertThat(breaker.onFailure()).isFalse();
        assertThat(breaker.tryAcquire()).isFalse();
    }

    @Test
    void afterTheInterval_oneCallerProbes() {
        breaker.onFailure();
        clock.advance(Duration.ofSeconds(5));

        assertThat(breaker.tryAcquire()).isTrue();
        assertThat(breaker.tryAcquire()).isFalse();
    }

    @Test
    void successfulProbe_closesAndReportsRecovery() {
        breaker.onFailure();
        clock.advance(Duration.ofSeconds(5));
        breaker.tryAcquire();

        assertThat(breaker.onSuccess()).isTrue();
        assertThat(breaker.state()).isEqualTo(CircuitBreaker.State.CLOSED);
        assertThat(breaker.tryAcquire()).isTrue();
    }

    @Test
    void failedProbe_opensForAnotherIntervalAndIsReportedAgain() {
        breaker.onFailure();
        clock.advance(Duration.ofSeconds(5));
        breaker.tryAcquire();

        assertThat(breaker.onFailure()).isTrue();
        clock.advance(Duration.ofSeconds(4));
        assertThat(breaker.tryAcquire()).isFalse();
    }

    @Test
    void releasedProbe_letsTheNextCallerProbe() {
        breaker.onFailure();
        clock.advance(Duration.ofSeconds(5));
        breaker.tryAcquire();

        breaker.release();

        assertThat(breaker.tryAcquire()).isTrue();
    }
}
