package com.kin.observability.db;

import static org.assertj.core.api.Assertions.assertThat;

import com.kin.observability.FunctionIdentity;
import com.kin.observability.ObservabilityConfig;
import com.kin.observability.metrics.MetricsConfig;
import com.kin.observability.metrics.PowertoolsMetricsRecorder;
import com.kin.observability.testing.CapturedLogs;
import com.kin.observability.testing.CapturedStdout;
import com.kin.observability.testing.EmfDocument;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.lambda.powertools.metrics.provider.EmfMetricsProvider;

class QueryTimerTest {

    private CapturedStdout stdout;
    private CapturedLogs logs;
    private PowertoolsMetricsRecorder metrics;
    private QueryTimer timer;

    @BeforeEach
    void setUp() {
        stdout = CapturedStdout.start();
        logs = CapturedLogs.start();
        metrics = new PowertoolsMetricsRecorder(new EmfMetricsProvider(), new MetricsConfig("KIN"),
                new FunctionIdentity("kin-dev-contacts"));
        timer = new QueryTimer(metrics, new ObservabilityConfig(1000, 200));
    }

    @AfterEach
    void tearDown() {
        logs.close();
        stdout.close();
    }

    @Test
    void record_emitsDbQueryTimeInMillisByQueryName() {
        timer.record("contacts.find-by-id", TimeUnit.MICROSECONDS.toNanos(3_500));

        metrics.flush();

        EmfDocument document = stdout.emfDocuments().get(0);
        assertThat(document.values("DbQueryTime")).containsExactly(3.5);
        assertThat(document.dimension("query")).isEqualTo("contacts.find-by-id");
        assertThat(document.dimensionSets()).containsExactly(List.of("function"), List.of("function", "query"));
    }

    @Test
    void record_overThreshold_logsSlowQueryWithTimings() {
        timer.record("contacts.search", TimeUnit.MILLISECONDS.toNanos(250));

        assertThat(logs.withMessage("slow query")).singleElement().satisfies(line -> {
            assertThat(line.path("level").asText()).isEqualTo("WARN");
            assertThat(line.path("query").asText()).isEqualTo("contacts.search");
            assertThat(line.path("duration_ms").asLong()).isEqualTo(250);
            assertThat(line.path("threshold_ms").asLong()).isEqualTo(200);
        });
    }

    @Test
    void record_underThreshold_logsNothing() {
        timer.record("contacts.search", TimeUnit.MILLISECONDS.toNanos(199));

        assertThat(logs.lines()).isEmpty();
    }
}
