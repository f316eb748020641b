package com.kin.contacts;

import com.kin.core.metrics.MetricsRecorder;
import io.micronaut.context.annotation.Replaces;
import jakarta.inject.Singleton;
import java.util.Map;

@Singleton
@Replaces(MetricsRecorder.class)
final class InterimMetricsRecorder implements MetricsRecorder {
    @Override public void count(String metric, double value, Map<String, String> dimensions) { }
    @Override public void millis(String metric, double millis, Map<String, String> dimensions) { }
}
