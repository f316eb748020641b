package com.kin.observability.http;

import static software.amazon.lambda.powertools.logging.argument.StructuredArguments.entry;

import com.kin.core.metrics.MetricsRecorder;
import com.kin.observability.ObservabilityConfig;
import com.kin.observability.errors.ErrorReporter;
import com.kin.observability.logging.RedactedError;
import com.kin.observability.metrics.MetricDimensions;
import com.kin.observability.metrics.MetricNames;
import jakarta.inject.Singleton;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns a finished request into its metrics and its one log line: INFO normally, WARN when slower than
 * {@code OBSERVABILITY_SLOW_REQUEST_MS}, ERROR with the cause on a 5xx, which is also reported to Sentry. The cause
 * is logged through {@link RedactedError}, so phone numbers quoted in exception messages are masked.
 *
 * <p>This is the single place a 5xx is logged and reported, so exception handlers should only shape the response.
 */
@Singleton
public final class RequestOutcomeRecorder {

    private static final Logger LOG = LoggerFactory.getLogger(RequestOutcomeRecorder.class);

    private final MetricsRecorder metrics;
    private final ErrorReporter errorReporter;
    private final long slowRequestMs;

    public RequestOutcomeRecorder(MetricsRecorder metrics, ErrorReporter errorReporter, ObservabilityConfig config) {
        this.metrics = metrics;
        this.errorReporter = errorReporter;
        this.slowRequestMs = config.slowRequestMs();
    }

    public void record(RequestOutcome outcome, RequestIdentity identity) {
        recordMetrics(outcome);
        long millis = outcome.duration().toMillis();
        if (outcome.isServerError()) {
            logFailure(outcome, millis);
            if (outcome.error() != null) {
                errorReporter.report(outcome.error(), identity.requestId());
            }
        } else if (millis >= slowRequestMs) {
            LOG.warn("slow request {} {} {}", entry("status", outcome.status()), entry("duration_ms", millis),
                    entry("threshold_ms", slowRequestMs));
        } else {
            LOG.info("request completed {} {}", entry("status", outcome.status()), entry("duration_ms", millis));
        }
    }

    /** Counts the instance's first request; the dimension is the function alone. */
    public void recordColdStart() {
        metrics.count(MetricNames.COLD_START, 1, Map.of());
    }

    private static void logFailure(RequestOutcome outcome, long millis) {
        if (outcome.error() == null) {
            LOG.error("request failed {} {}", entry("status", outcome.status()), entry("duration_ms", millis));
        } else {
            LOG.error("request failed {} {} {}", entry("status", outcome.status()), entry("duration_ms", millis),
                    RedactedError.of(outcome.error()));
        }
    }

    private void recordMetrics(RequestOutcome outcome) {
        Map<String, String> route = Map.of(MetricDimensions.ROUTE, outcome.route());
        metrics.millis(MetricNames.REQUEST_LATENCY, outcome.duration().toNanos() / 1_000_000.0, route);
        metrics.count(MetricNames.REQUEST_COUNT, 1, route);
        metrics.count(MetricNames.REQUEST_4XX, outcome.isClientError() ? 1 : 0, route);
        metrics.count(MetricNames.REQUEST_5XX, outcome.isServerError() ? 1 : 0, route);
    }
}
