package com.kin.templatecheck;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The metrics an alarm watches: its own MetricName, or each MetricStat of its metric math. */
public final class AlarmMetrics {

    /**
     * One watched metric of an alarm, with the names of its dimensions and the logical id its {@code function}
     * dimension refers to ({@code !Ref ContactsFunction}; null without one).
     */
    public record Watched(String alarm, String namespace, String metricName, List<String> dimensionNames,
                          String function) {
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
        String function = null;
        if (metric.get("Dimensions") instanceof List<?> dimensions) {
            for (Object dimension : dimensions) {
                Map<?, ?> pair = dimension instanceof Map<?, ?> m ? m : Map.of();
                dimensionNames.add(String.valueOf(pair.get("Name")));
                if ("function".equals(pair.get("Name")) && pair.get("Value") instanceof Map<?, ?> value
                        && value.get("Ref") instanceof String ref) {
                    function = ref;
                }
            }
        }
        return new Watched(alarm, String.valueOf(metric.get("Namespace")), String.valueOf(metric.get("MetricName")),
                List.copyOf(dimensionNames), function);
    }
}
