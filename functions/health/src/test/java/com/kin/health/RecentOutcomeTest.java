package com.kin.health;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class RecentOutcomeTest {

    final MutableClock clock = new MutableClock(Instant.parse("2026-11-24T06:00:00Z"));
    final RecentOutcome recent = new RecentOutcome(clock, Duration.ofSeconds(30));
    final AtomicInteger probes = new AtomicInteger();

    @Test
    void withinTheInterval_theProbeRunsOnce_andTheOutcomeSaysItIsReused() {
        Outcome first = recent.get(this::failingProbe);
        clock.advance(Duration.ofSeconds(29));
        Outcome second = recent.get(this::failingProbe);

        assertThat(probes).hasValue(1);
        assertThat(first.details()).containsEntry("cached", false).containsEntry("checkedAt", "2026-11-24T06:00:00Z");
        assertThat(second.details()).containsEntry("cached", true).containsEntry("checkedAt", "2026-11-24T06:00:00Z");
        assertThat(second.status()).isEqualTo(PartStatus.DOWN);
    }

    @Test
    void afterTheInterval_theProbeRunsAgain() {
        recent.get(this::failingProbe);
        clock.advance(Duration.ofSeconds(30));
        Outcome again = recent.get(this::failingProbe);

        assertThat(probes).hasValue(2);
        assertThat(again.details()).containsEntry("cached", false).containsEntry("checkedAt", "2026-11-24T06:00:30Z");
    }

    @Test
    void aZeroInterval_probesEveryTime() {
        RecentOutcome always = new RecentOutcome(clock, Duration.ZERO);

        always.get(this::failingProbe);
        always.get(this::failingProbe);

        assertThat(probes).hasValue(2);
    }

    private Outcome failingProbe() {
        probes.incrementAndGet();
        return Outcome.down("refused", Map.of("httpStatus", 401));
    }

    static final class MutableClock extends Clock {
        private Instant now;

        MutableClock(Instant start) {
            this.now = start;
        }

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
