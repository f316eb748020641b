package com.kin.data;

import com.kin.core.metrics.MetricsRecorder;
import com.kin.observability.db.PoolUsageRecorder;
import com.kin.observability.db.QueryTimer;
import com.kin.observability.metrics.MetricNames;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.HikariPoolMXBean;
import jakarta.inject.Singleton;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Counts and times every statement ({@code DbQueryTime} and slow-query logs through {@link QueryTimer}), times pool
 * waits ({@code DbConnectionWait}) and samples the pool's usage on every checkout ({@code DbPool*}).
 */
@Singleton
public final class SqlMetrics {

    private final QueryTimer queries;
    private final PoolUsageRecorder pool;
    private final MetricsRecorder recorder;
    private final HikariPoolMXBean poolBean;
    private final AtomicLong statements = new AtomicLong();

    public SqlMetrics(QueryTimer queries, PoolUsageRecorder pool, MetricsRecorder recorder, HikariDataSource dataSource) {
        this.queries = queries;
        this.pool = pool;
        this.recorder = recorder;
        this.poolBean = dataSource.getHikariPoolMXBean();
    }

    void statementExecuted(String name, long nanos) {
        statements.incrementAndGet();
        queries.record(name, nanos);
    }

    void connectionAcquired(long nanos) {
        recorder.millis(MetricNames.DB_CONNECTION_WAIT, nanos / 1e6, Map.of());
        if (poolBean != null) {
            pool.record(poolBean.getActiveConnections(), poolBean.getIdleConnections(),
                    poolBean.getThreadsAwaitingConnection());
        }
    }

    /** Statements run by this instance since it started; tests compare it before and after a request. */
    public long statementCount() {
        return statements.get();
    }
}
