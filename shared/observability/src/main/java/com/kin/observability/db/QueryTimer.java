package com.kin.observability.db;

import static software.amazon.lambda.powertools.logging.argument.StructuredArguments.entry;

import com.kin.core.metrics.MetricsRecorder;
import com.kin.observability.ObservabilityConfig;
import com.kin.observability.metrics.MetricDimensions;
import com.kin.observability.metrics.MetricNames;
import jakarta.inject.Singleton;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where the data module reports each query's duration: emits {@code DbQueryTime} by query name and logs the query
 * as slow past {@code OBSERVABILITY_SLOW_QUERY_MS}. Knows nothing of JDBC; the caller measures.
 */
@Singleton
public final class QueryTimer {

    private static final Logger LOG = LoggerFactory.getLogger(QueryTimer.class);

    private final MetricsRecorder metrics;
    private final long slowQueryNanos;

    public QueryTimer(MetricsRecorder metrics, ObservabilityConfig config) {
        this.metrics = metrics;
        this.slowQueryNanos = config.slowQueryThreshold().toNanos();
    }

    /**
     * @param queryName a fixed name such as {@code contacts.find-by-id}; it becomes a metric dimension, so never
     *     SQL text or anything holding an id
     * @param nanos how long the query took, from {@link System#nanoTime()} differences
     */
    public void record(String queryName, long nanos) {
        double millis = nanos / 1_000_000.0;
        metrics.millis(MetricNames.DB_QUERY_TIME, millis, Map.of(MetricDimensions.QUERY, queryName));
        if (nanos >= slowQueryNanos) {
            LOG.warn("slow query {} {} {}", entry("query", queryName),
                    entry("duration_ms", TimeUnit.NANOSECONDS.toMillis(nanos)),
                    entry("threshold_ms", TimeUnit.NANOSECONDS.toMillis(slowQueryNanos)));
        }
    }
}
