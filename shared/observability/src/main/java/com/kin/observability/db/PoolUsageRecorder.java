package com.kin.observability.db;

import com.kin.core.metrics.MetricsRecorder;
import com.kin.observability.metrics.MetricNames;
import jakarta.inject.Singleton;
import java.util.Map;

/**
 * Where the data module reports a sample of its connection pool (HikariCP's pool MXBean figures), typically once
 * per request; CloudWatch's Maximum of {@code DbPoolPending} is the signal that the pool is too small.
 */
@Singleton
public final class PoolUsageRecorder {

    private final MetricsRecorder metrics;

    public PoolUsageRecorder(MetricsRecorder metrics) {
        this.metrics = metrics;
    }

    public void record(int active, int idle, int pending) {
        if (active < 0 || idle < 0 || pending < 0) {
            throw new IllegalArgumentException("db pool - connection counts cannot be negative: active=" + active
                    + " idle=" + idle + " pending=" + pending);
        }
        metrics.count(MetricNames.DB_POOL_ACTIVE, active, Map.of());
        metrics.count(MetricNames.DB_POOL_IDLE, idle, Map.of());
        metrics.count(MetricNames.DB_POOL_PENDING, pending, Map.of());
    }
}
