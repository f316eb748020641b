package com.kin.load.traffic;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class InFlightLimitTest {

    @Test
    void startsBeyondTheLimit_waitInOrder_andRunAsSlotsFree() {
        InFlightLimit limit = new InFlightLimit(2);
        List<Integer> started = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            int request = i;
            limit.submit(() -> started.add(request));
        }
        assertThat(started).containsExactly(0, 1);

        limit.release();
        assertThat(started).containsExactly(0, 1, 2);
        limit.release();
        limit.release();
        assertThat(started).containsExactly(0, 1, 2, 3, 4);
        assertThat(limit.maxInFlight()).isEqualTo(2);
    }

    @Test
    void awaitIdle_isTrueOnceEveryRequestEnded_andCloseCountsWhatIsLeft() throws Exception {
        InFlightLimit limit = new InFlightLimit(1);
        limit.submit(() -> { });
        limit.submit(() -> { });

        assertThat(limit.awaitIdle(System.nanoTime() + 1_000_000)).isFalse();
        assertThat(limit.close()).isEqualTo(2);

        InFlightLimit idle = new InFlightLimit(1);
        idle.submit(() -> { });
        idle.release();
        assertThat(idle.awaitIdle(System.nanoTime())).isTrue();
    }
}
