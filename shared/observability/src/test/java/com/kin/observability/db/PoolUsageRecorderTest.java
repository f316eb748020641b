package com.kin.observability.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.kin.observability.FunctionIdentity;
import com.kin.observability.metrics.MetricsConfig;
import com.kin.observability.metrics.PowertoolsMetricsRecorder;
import com.kin.observability.testing.CapturedStdout;
import com.kin.observability.testing.EmfDocument;
import org.junit.jupiter.api.Test;
import software.amazon.lambda.powertools.metrics.provider.EmfMetricsProvider;

class PoolUsageRecorderTest {

    private final PowertoolsMetricsRecorder metrics = new PowertoolsMetricsRecorder(new EmfMetricsProvider(),
            new MetricsConfig("KIN"), new FunctionIdentity("kin-dev-contacts"));
    private final PoolUsageRecorder pool = new PoolUsageRecorder(metrics);

    @Test
    void record_emitsActiveIdleAndPendingUnderTheFunction() {
        try (CapturedStdout stdout = CapturedStdout.start()) {
            pool.record(2, 0, 3);
            metrics.flush();

            EmfDocument document = stdout.emfDocuments().get(0);
            assertThat(document.values("DbPoolActive")).containsExactly(2.0);
            assertThat(document.values("DbPoolIdle")).containsExactly(0.0);
            assertThat(document.values("DbPoolPending")).containsExactly(3.0);
            assertThat(document.dimension("function")).isEqualTo("kin-dev-contacts");
        }
    }

    @Test
    void record_negativeCount_isRefused() {
        assertThatThrownBy(() -> pool.record(-1, 0, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
