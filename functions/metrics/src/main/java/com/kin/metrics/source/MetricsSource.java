package com.kin.metrics.source;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Reads the metrics the functions emit (namespace {@code KIN}, see kin-observability's MetricNames) the way CloudWatch
 * serves them: the series (dimension sets) a metric has, and statistics of series over a time range. Two
 * implementations answer the same questions: {@link CloudWatchMetricsSource} on AWS, {@link LocalMetricsSource} against
 * the local runtime, so the report is built once, in one shape, from either.
 */
public interface MetricsSource extends AutoCloseable {

    /** The name the report shows: {@code cloudwatch} or {@code local}. */
    String name();

    /** Every series of {@code metric} with data within {@code lookback} (or somewhat longer: the sources are coarse). */
    SeriesList series(String namespace, String metric, Duration lookback);

    /** Each query's statistic over [start, end) as one period; queries without data are absent from the answer. */
    Answers values(String namespace, List<StatQuery> queries, Instant start, Instant end);

    @Override
    void close();
}
