package com.kin.twilio.support;

import com.kin.core.metrics.MetricsRecorder;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A {@link MetricsRecorder} that keeps what it is given, for assertions. */
public final class RecordingMetrics implements MetricsRecorder {

    public record Sample(String kind, String metric, double value, Map<String, String> dimensions) {
    }

    private final List<Sample> samples = new ArrayList<>();

    @Override
    public synchronized void count(String metric, double value, Map<String, String> dimensions) {
        samples.add(new Sample("count", metric, value, Map.copyOf(dimensions)));
    }

    @Override
    public synchronized void millis(String metric, double millis, Map<String, String> dimensions) {
        samples.add(new Sample("millis", metric, millis, Map.copyOf(dimensions)));
    }

    public synchronized List<Sample> named(String metric) {
        return samples.stream().filter(sample -> sample.metric().equals(metric)).toList();
    }
}
