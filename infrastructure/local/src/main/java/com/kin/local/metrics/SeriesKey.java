package com.kin.local.metrics;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * One metric as CloudWatch counts it: a namespace, a name and one exact set of dimension values. A metric emitted under
 * {@code [function]} and under {@code [function, route]} is two series, as it is two metrics in CloudWatch.
 */
record SeriesKey(String namespace, String metric, Map<String, String> dimensions) {

    SeriesKey {
        // Sorted, so the JSON of a series is stable and equal dimension sets compare equal whatever their order.
        dimensions = Collections.unmodifiableMap(new TreeMap<>(dimensions));
    }
}
