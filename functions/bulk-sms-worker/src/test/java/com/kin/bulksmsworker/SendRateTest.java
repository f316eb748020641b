package com.kin.bulksmsworker;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SendRateTest {

    /** A clock that only moves when told to, or when the rate limiter sleeps on it. */
    static final class ManualClock extends Clock {
        private Instant now = Instant.parse("2026-01-15T10:00:00Z");
        final List<Duration> sleeps = new ArrayList<>();

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        void sleep(Duration pause) {
            sleeps.add(pause);
            advance(pause);
        }

        @Override public ZoneId getZone() { return ZoneOffset.UTC; }
        @Override public Clock withZone(ZoneId zone) { return this; }
        @Override public Instant instant() { return now; }
    }

    final ManualClock clock = new ManualClock();

    @Test
    void backToBackSends_areSpacedOneIntervalApart() throws InterruptedException {
        SendRate rate = new SendRate(4, clock, clock::sleep);

        for (int i = 0; i < 4; i++) {
            rate.acquire();
        }

        assertThat(clock.sleeps).containsExactly(Duration.ofMillis(250), Duration.ofMillis(250), Duration.ofMillis(250));
    }

    @Test
    void sendThatTookLongerThanTheInterval_leavesNoWait() throws InterruptedException {
        SendRate rate = new SendRate(10, clock, clock::sleep);

        rate.acquire();
        clock.advance(Duration.ofMillis(150));
        rate.acquire();
        clock.advance(Duration.ofMillis(40));
        rate.acquire();

        assertThat(clock.sleeps).containsExactly(Duration.ofMillis(60));
    }

    @Test
    void longIdle_doesNotAllowABurst() throws InterruptedException {
        SendRate rate = new SendRate(2, clock, clock::sleep);
        rate.acquire();

        clock.advance(Duration.ofMinutes(10));
        rate.acquire();
        rate.acquire();

        assertThat(clock.sleeps).containsExactly(Duration.ofMillis(500));
    }

    @Test
    void fractionalRate_isHonoured() throws InterruptedException {
        SendRate rate = new SendRate(0.5, clock, clock::sleep);

        rate.acquire();
        rate.acquire();

        assertThat(clock.sleeps).containsExactly(Duration.ofSeconds(2));
    }
}
