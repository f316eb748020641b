package com.kin.templatecheck;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every alarm on namespace KIN watches a metric, with dimensions, that the code emits. */
class AlarmMetricsTest {

    private final Path root = ProjectRoot.find();
    private final StackTemplate template = StackTemplate.read(root.resolve("template.yaml"));
    private final EmittedMetrics emitted = EmittedMetrics.read(root);

    @Test
    void everyKinAlarm_watchesAnEmittedMetric() {
        List<AlarmMetrics.Watched> watched = kinMetricsOfAlarms();
        List<String> unknown = new ArrayList<>();
        watched.stream().filter(metric -> !emitted.names().contains(metric.metricName()))
                .forEach(metric -> unknown.add(metric.alarm() + " - " + metric.metricName() + " is not emitted"));
        watched.forEach(metric -> metric.dimensionNames().stream().filter(name -> !emitted.dimensions().contains(name))
                .forEach(name -> unknown.add(metric.alarm() + " - dimension " + name + " is not emitted")));

        assertThat(watched).as("alarms on namespace KIN").isNotEmpty();
        assertThat(unknown).isEmpty();
    }

    @Test
    void emittedMetrics_includeRequestAndCacheNames() {
        assertThat(emitted.names()).contains("RequestLatency", "Request5xx", "RequestCount", "CacheHit", "CacheMiss",
                "DbPoolActive");
        assertThat(emitted.dimensions()).contains("function", "route", "tier", "kind");
    }

    @Test
    void metricMathAlarm_listsEachMetricStat() {
        Map<String, Object> properties = Map.of("Metrics", List.of(
                Map.of("Id", "hits", "MetricStat", Map.of("Metric", Map.of("Namespace", "KIN", "MetricName", "CacheHit",
                        "Dimensions", List.of(Map.of("Name", "function", "Value", "f"))))),
                Map.of("Id", "rate", "Expression", "hits / 2")));

        assertThat(AlarmMetrics.of("A", properties))
                .containsExactly(new AlarmMetrics.Watched("A", "KIN", "CacheHit", List.of("function")));
    }

    private List<AlarmMetrics.Watched> kinMetricsOfAlarms() {
        List<AlarmMetrics.Watched> watched = new ArrayList<>();
        template.resources(StackTemplate.ALARM).forEach(alarm -> AlarmMetrics.of(alarm.logicalId(), alarm.properties())
                .stream().filter(metric -> "KIN".equals(metric.namespace())).forEach(watched::add));
        return watched;
    }
}
