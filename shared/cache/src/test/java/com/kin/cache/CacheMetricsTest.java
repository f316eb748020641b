package com.kin.cache;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** CacheError carries the kind when the failed L2 call was for one entry, and leaves it out when it served none. */
class CacheMetricsTest {

    private final RecordingMetrics recorder = new RecordingMetrics();
    private final CacheMetrics metrics = new CacheMetrics(recorder);

    @Test
    void l2ErrorOfARead_isCountedWithTierOperationAndKind() {
        metrics.l2Error("read", CacheKind.CONTACT_LIST);

        assertThat(recorder.counts("CacheError")).singleElement().satisfies(error -> assertThat(error.dimensions())
                .isEqualTo(Map.of("tier", "l2", "operation", "read", "kind", CacheKind.CONTACT_LIST.code())));
        assertThat(metrics.l2Errors()).isEqualTo(1);
    }

    @Test
    void l2ErrorOfAnInvalidation_hasNoKind() {
        metrics.l2Error("invalidate", null);

        assertThat(recorder.counts("CacheError")).singleElement().satisfies(error -> assertThat(error.dimensions())
                .isEqualTo(Map.of("tier", "l2", "operation", "invalidate")));
    }
}
