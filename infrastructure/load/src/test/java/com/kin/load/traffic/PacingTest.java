package com.kin.load.traffic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class PacingTest {

    private static final Rate HUNDRED_PER_MINUTE = Rate.parse("100/min");

    @Test
    void interval_isAMinuteOverTheRate() {
        assertThat(HUNDRED_PER_MINUTE.intervalNanos()).isEqualTo(600_000_000L);
        assertThat(Rate.parse("2/s").intervalNanos()).isEqualTo(500_000_000L);
        assertThat(Rate.parse("600/h").intervalNanos()).isEqualTo(6_000_000_000L);
    }

    @Test
    void withoutJitter_startsAreTheGridShiftedByThePhase() {
        Pacing pacing = new Pacing(HUNDRED_PER_MINUTE, 0, Duration.ofSeconds(3));

        assertThat(starts(pacing, 0.5, new SplittableRandom(1))).containsExactly(
                300_000_000L, 900_000_000L, 1_500_000_000L, 2_100_000_000L, 2_700_000_000L);
        assertThat(pacing.count(0.5)).isEqualTo(5);
    }

    @Test
    void count_isTheRateTimesTheWindowForEveryPhase() {
        Pacing pacing = new Pacing(HUNDRED_PER_MINUTE, 1, Duration.ofMinutes(5));
        SplittableRandom random = new SplittableRandom(7);
        for (int user = 0; user < 200; user++) {
            double phase = random.nextDouble();
            assertThat(starts(pacing, phase, random)).hasSize((int) pacing.count(phase)).hasSize(500);
        }
    }

    @Test
    void jitter_staysWithinHalfAnIntervalEachWay_keepsOrder_andStaysInTheWindow() {
        Duration window = Duration.ofSeconds(30);
        Pacing pacing = new Pacing(HUNDRED_PER_MINUTE, 1, window);
        SplittableRandom random = new SplittableRandom(3);
        double phase = 0.01;
        List<Long> starts = starts(pacing, phase, random);

        for (int k = 0; k < starts.size(); k++) {
            assertThat(Math.abs(starts.get(k) - pacing.slot(k, phase))).isLessThanOrEqualTo(300_000_000L);
            assertThat(starts.get(k)).isBetween(0L, window.toNanos() - 1);
            if (k > 0) {
                assertThat(starts.get(k)).isGreaterThanOrEqualTo(starts.get(k - 1));
            }
        }
    }

    @Test
    void jitter_keepsTheMeanInterval() {
        Pacing pacing = new Pacing(HUNDRED_PER_MINUTE, 0.5, Duration.ofHours(1));
        List<Long> starts = starts(pacing, 0.5, new SplittableRandom(11));

        double meanGap = (starts.get(starts.size() - 1) - starts.get(0)) / (double) (starts.size() - 1);
        assertThat(meanGap).isCloseTo(600_000_000.0, within(600_000_000.0 * 0.001));
    }

    @Test
    void aSlotPastTheWindow_isNotScheduled_andJitterIsClampedToTheWindow() {
        Pacing pacing = new Pacing(HUNDRED_PER_MINUTE, 1, Duration.ofSeconds(1));

        assertThat(pacing.count(0.6)).isEqualTo(2);
        assertThat(pacing.start(1, 0.6, 1)).hasValue(999_999_999L);
        assertThat(pacing.start(2, 0.6, 0)).isEmpty();
        assertThat(pacing.start(0, 0, -1)).hasValue(0L);
    }

    private static List<Long> starts(Pacing pacing, double phase, SplittableRandom random) {
        List<Long> starts = new ArrayList<>();
        for (long k = 0; ; k++) {
            OptionalLong start = pacing.start(k, phase, random.nextDouble() * 2 - 1);
            if (start.isEmpty()) {
                return starts;
            }
            starts.add(start.getAsLong());
        }
    }
}
