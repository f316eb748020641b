package com.kin.data;

import com.kin.core.metrics.MetricsRecorder;
import jakarta.inject.Singleton;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Counts and times every statement: {@code DbQueryTime} and {@code DbStatements} per statement name, {@code DbConnectionWait}
 * for pool waits, and a warning for a statement slower than {@code DB_SLOW_QUERY_MS} (default 200).
 */
@Singleton
public final class SqlMetrics {

    private static final Logger LOG = LoggerFactory.getLogger(SqlMetrics.class);

    private final MetricsRecorder recorder;
    private final long slowQueryNanos;
    private final AtomicLong statements = new AtomicLong();

    public SqlMetrics(MetricsRecorder recorder,
                      @io.micronaut.context.annotation.Value("${db.slow-query-ms:200}") long slowQueryMs) {
        if (slowQueryMs < 1) {
            throw new IllegalStateException("DB_SLOW_QUERY_MS - must be at least 1, got " + slowQueryMs);
        }
        this.recorder = recorder;
        this.slowQueryNanos = slowQueryMs * 1_000_000;
    }

    void statementExecuted(String name, long nanos) {
        statements.incrementAndGet();
        double millis = nanos / 1e6;
        recorder.millis("DbQueryTime", millis, Map.of("query", name));
        if (nanos > slowQueryNanos) {
            LOG.warn("slow query {} took {} ms", name, String.format("%.1f", millis));
        }
    }

    void connectionAcquired(String name, long nanos) {
        recorder.millis("DbConnectionWait", nanos / 1e6, Map.of());
    }

    /** Statements run by this instance since it started; tests compare it before and after a request. */
    public long statementCount() {
        return statements.get();
    }
}
