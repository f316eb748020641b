package com.kin.bench.coldstart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class StatsTest {

    @Test
    void median_oddCount_isTheMiddleSampleWhateverTheOrder() {
        assertThat(Stats.median(List.of(900.0, 300.0, 500.0, 100.0, 700.0))).isEqualTo(500.0);
    }

    @Test
    void median_evenCount_isTheMeanOfTheTwoMiddleSamples() {
        assertThat(Stats.median(List.of(4.0, 1.0, 3.0, 2.0))).isEqualTo(2.5);
    }

    @Test
    void median_oneSample_isThatSample() {
        assertThat(Stats.median(List.of(42.0))).isEqualTo(42.0);
    }

    @Test
    void median_noSamples_fails() {
        assertThatThrownBy(() -> Stats.median(List.of())).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no samples");
    }

    @Test
    void ratio_isFunctionOverFloor() {
        assertThat(Stats.ratio(1500, 1000)).isEqualTo(1.5);
        assertThat(Stats.ratio(900, 1200)).isCloseTo(0.75, within(1e-12));
    }

    @Test
    void ratio_nonPositiveFloor_fails() {
        assertThatThrownBy(() -> Stats.ratio(100, 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("floor");
    }

    @Test
    void result_meetsTarget_onlyUpToOneAndAHalfTimesTheFloor() {
        ColdStartResult within = new ColdStartResult("contacts", List.of(1400.0, 1600.0, 1500.0),
                List.of(1000.0, 1100.0, 900.0), List.of(), List.of());
        ColdStartResult over = new ColdStartResult("templates", List.of(1600.0), List.of(1000.0), List.of(), List.of());

        assertThat(within.functionMedian()).isEqualTo(1500.0);
        assertThat(within.floorMedian()).isEqualTo(1000.0);
        assertThat(within.meetsTarget()).isTrue();
        assertThat(over.ratio()).isEqualTo(1.6);
        assertThat(over.meetsTarget()).isFalse();
    }
}
