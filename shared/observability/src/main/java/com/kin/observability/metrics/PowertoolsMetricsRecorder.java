package com.kin.observability.metrics;

import com.kin.core.metrics.MetricsRecorder;
import com.kin.observability.FunctionIdentity;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import software.amazon.lambda.powertools.metrics.Metrics;
import software.amazon.lambda.powertools.metrics.model.DimensionSet;
import software.amazon.lambda.powertools.metrics.model.MetricResolution;
import software.amazon.lambda.powertools.metrics.model.MetricUnit;
import software.amazon.lambda.powertools.metrics.provider.MetricsProvider;

/**
 * Writes KIN's metrics as CloudWatch Embedded Metric Format through Powertools.
 *
 * <p>Measurements are buffered and written by {@link #flush()}, which the request filter calls once at the end of each
 * request (a non-HTTP function calls it at the end of its invocation). One EMF document is written per distinct
 * dimension set, because an EMF document carries a single value per dimension. Each document declares two rollups,
 * {@code [function]} and {@code [function, caller dimensions...]}, so alarms can target a whole function or one route.
 *
 * <p>Thread-safe: recording and draining share one lock; documents are written outside it.
 */
@Singleton
public final class PowertoolsMetricsRecorder implements MetricsRecorder {

    /**
     * Standard (60 s) storage resolution, chosen deliberately: alarms evaluate over minutes, and high-resolution
     * metrics only add cost (high-resolution alarms are billed higher) without a sub-minute question to answer.
     */
    static final MetricResolution RESOLUTION = MetricResolution.STANDARD;
    /** Flushes early past this many buffered samples, bounding memory if an invocation never flushes. */
    static final int MAX_BUFFERED_SAMPLES = 1_000;

    private final MetricsProvider provider;
    private final String namespace;
    private final String function;
    private final Object lock = new Object();
    private final List<Runnable> flushPublishers = new CopyOnWriteArrayList<>();
    private Map<Map<String, String>, List<Sample>> pending = new LinkedHashMap<>();
    private int pendingSamples;

    public PowertoolsMetricsRecorder(MetricsProvider provider, MetricsConfig config, FunctionIdentity function) {
        this.provider = provider;
        this.namespace = config.namespace();
        this.function = function.name();
    }

    @Override
    public void count(String metric, double value, Map<String, String> dimensions) {
        record(new Sample(metric, value, MetricUnit.COUNT), dimensions);
    }

    @Override
    public void millis(String metric, double millis, Map<String, String> dimensions) {
        record(new Sample(metric, millis, MetricUnit.MILLISECONDS), dimensions);
    }

    @Override
    public void beforeFlush(Runnable publisher) {
        flushPublishers.add(publisher);
    }

    /** Lets the aggregating publishers add their totals, then writes every buffered measurement as EMF. */
    public void flush() {
        flushPublishers.forEach(Runnable::run);
        write(drain());
    }

    @PreDestroy
    void flushOnShutdown() {
        flush();
    }

    private void record(Sample sample, Map<String, String> callerDimensions) {
        DimensionRules.requireMetricName(sample.name());
        Map<String, String> dimensions = DimensionRules.withFunction(function, callerDimensions);
        Map<Map<String, String>, List<Sample>> overflow = null;
        synchronized (lock) {
            pending.computeIfAbsent(dimensions, key -> new ArrayList<>()).add(sample);
            pendingSamples++;
            if (pendingSamples >= MAX_BUFFERED_SAMPLES) {
                overflow = drainLocked();
            }
        }
        if (overflow != null) {
            write(overflow);
        }
    }

    private Map<Map<String, String>, List<Sample>> drain() {
        synchronized (lock) {
            return drainLocked();
        }
    }

    private Map<Map<String, String>, List<Sample>> drainLocked() {
        Map<Map<String, String>, List<Sample>> drained = pending;
        pending = new LinkedHashMap<>();
        pendingSamples = 0;
        return drained;
    }

    private void write(Map<Map<String, String>, List<Sample>> groups) {
        groups.forEach(this::writeDocument);
    }

    private void writeDocument(Map<String, String> dimensions, List<Sample> samples) {
        Metrics document = provider.getMetricsInstance();
        document.setNamespace(namespace);
        document.setDefaultDimensions(DimensionSet.of(MetricDimensions.FUNCTION, function));
        if (dimensions.size() > 1) {
            document.addDimension(DimensionSet.of(dimensions));
        }
        samples.forEach(sample -> document.addMetric(sample.name(), sample.value(), sample.unit(), RESOLUTION));
        document.flush();
    }

    private record Sample(String name, double value, MetricUnit unit) {
    }
}
