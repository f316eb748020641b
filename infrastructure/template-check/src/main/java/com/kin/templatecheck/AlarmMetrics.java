package com.kin.templatecheck;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The metrics an alarm watches: its own MetricName, or each MetricStat of its metric math. */
public final class AlarmMetrics {

    /** One watched metric of an alarm, with the names of its dimensions. */
    public record Watched(String alarm, String namespace, String metricName, List<String> dimensionNames) {
    }

    private AlarmMetrics() {
    }

    public static List<Watched> of(String alarm, Map<String, Object> properties) {
        List<Watched> watched = new ArrayList<>();
        if (properties.get("MetricName") != null) {
            watched.add(watched(alarm, properties));
        }
        if (properties.get("Metrics") instanceof List<?> metrics) {
            for (Object query : metrics) {
                if (query instanceof Map<?, ?> q && q.get("MetricStat") instanceof Map<?, ?> stat
                        && stat.get("Metric") instanceof Map<?, ?> metric) {
                    watched.add(watched(alarm, metric));
                }
            }
        }
        return watched;
    }

    private static Watched watched(String alarm, Map<?, ?> metric) {
        List<String> dimensionNames = new ArrayList<>();
        if (metric.get("Dimensions") instanceof List<?> dimensions) {
            dimensions.forEach(d -> dimensionNames.add(d instanceof Map<?, ?> m ? String.valueOf(m.get("Name")) : "?"));
        }
        return new Watched(alarm, String.valueOf(metric.get("Namespace")), String.valueOf(metric.get("MetricName")),
                List.copyOf(dimensionNames));
    }
}
