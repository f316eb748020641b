package com.kin.local.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The peak resident memory from the lines of a /proc status file, as Linux writes them. */
class PeakMemoryTest {

    @Test
    void vmHwmLine_givesThePeakInMegabytes() {
        assertThat(PeakMemory.fromStatus(List.of("Name:\tjava", "VmRSS:\t  100 kB", "VmHWM:\t  402000 kB")))
                .hasValue(392);
    }

    @Test
    void noVmHwmLine_givesNothing() {
        assertThat(PeakMemory.fromStatus(List.of("Name:\tbash", "VmRSS:\t  100 kB"))).isEmpty();
    }

    @Test
    void endedProcess_givesNothing() {
        assertThat(PeakMemory.ofProcess(Long.MAX_VALUE)).isEmpty();
    }
}
