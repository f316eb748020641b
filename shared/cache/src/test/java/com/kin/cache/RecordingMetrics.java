package com.kin.cache;

import com.kin.core.metrics.MetricsRecorder;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/** A MetricsRecorder that keeps what it was given, so tests can check what a function would publish. */
final class RecordingMetrics implements MetricsRecorder {

    record Recorded(String metric, double value, Map<String, String> dimensions) {
    }

    private final List<Recorded> counts = new CopyOnWriteArrayList<>();
    private final List<Recorded> durations = new CopyOnWriteArrayList<>();
    private final List<Runnable> flushPublishers = new CopyOnWriteArrayList<>();

    @Override
    public void count(String metric, double value, Map<String, String> dimensions) {
        counts.add(new Recorded(metric, value, Map.copyOf(dimensions)));
    }

    @Override
    public void millis(String metric, double millis, Map<String, String> dimensions) {
        durations.add(new Recorded(metric, millis, Map.copyOf(dimensions)));
    }

    @Override
    public void beforeFlush(Runnable publisher) {
        flushPublishers.add(publisher);
    }

    /** The counts of {@code metric} recorded so far, without flushing. */
    List<Recorded> counts(String metric) {
        return counts.stream().filter(r -> r.metric().equals(metric)).toList();
    }

    /** What a function does at the end of an invocation: the aggregating publishers add their totals. */
    void flush() {
        flushPublishers.forEach(Runnable::run);
    }

    /** The total of {@code metric} over records whose dimensions include all of {@code dimensions}. */
    double total(String metric, Map<String, String> dimensions) {
        flush();
        return counts.stream()
                .filter(r -> r.metric().equals(metric) && r.dimensions().entrySet().containsAll(dimensions.entrySet()))
                .mapToDouble(Recorded::value)
                .sum();
    }

    long durationsRecorded(String metric, Map<String, String> dimensions) {
        flush();
        return durations.stream()
                .filter(r -> r.metric().equals(metric) && r.dimensions().entrySet().containsAll(dimensions.entrySet()))
                .count();
    }
}
