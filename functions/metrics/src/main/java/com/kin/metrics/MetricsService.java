package com.kin.metrics;

import com.kin.metrics.report.MetricsReport;
import com.kin.metrics.report.ReportBuilder;
import com.kin.metrics.source.MetricsSource;
import com.kin.observability.metrics.MetricsConfig;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;

/**
 * The metrics report over a window of at most {@code METRICS_RETENTION_TIME}, read from the configured source in the
 * namespace the functions emit to ({@code POWERTOOLS_METRICS_NAMESPACE}).
 */
@Singleton
final class MetricsService {

    private final ReportBuilder builder;
    private final Duration retention;
    private final Clock clock;

    MetricsService(MetricsSource source, MetricsConfig namespace, MetricsReportConfig config, Clock clock) {
        this.builder = new ReportBuilder(source, namespace.namespace());
        this.retention = config.retention();
        this.clock = clock;
    }

    /** {@code window} is the request's {@code ?window=} (null when absent). */
    MetricsReport report(String window) {
        return builder.build(ReportWindow.resolve(window, retention, clock));
    }
}
