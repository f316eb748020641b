package com.kin.observability.metrics;

import com.kin.observability.Redact;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Guards the one property that keeps CloudWatch affordable: a bounded set of dimension values.
 *
 * <p>Each distinct value combination is a billed custom metric, so an id or a raw path in a dimension is a bug; it is
 * refused loudly here, where a test catches it, rather than discovered on the bill.
 */
final class DimensionRules {

    /** EMF allows 30 dimensions per set; KIN needs three at most, so more is a mistake. */
    static final int MAX_CALLER_DIMENSIONS = 5;
    static final int MAX_VALUE_LENGTH = 200;
    /** What Powertools accepts in a dimension (CloudWatch itself would take spaces; Powertools refuses them). */
    private static final Pattern PRINTABLE_ASCII = Pattern.compile("[\\x21-\\x7E]+");
    /** Long digit runs, UUIDs and +E.164 numbers: what identifiers look like. */
    private static final Pattern ID_LIKE =
            Pattern.compile("\\d{5,}|\\p{XDigit}{8}-\\p{XDigit}{4}-\\p{XDigit}{4}|\\+\\d{6,}");

    private DimensionRules() {
    }

    /** The function dimension first, then the caller's in name order, so equal sets group together. */
    static Map<String, String> withFunction(String function, Map<String, String> callerDimensions) {
        if (callerDimensions.size() > MAX_CALLER_DIMENSIONS) {
            throw new IllegalArgumentException("metrics - at most " + MAX_CALLER_DIMENSIONS
                    + " dimensions besides function, got " + callerDimensions.keySet());
        }
        Map<String, String> dimensions = new LinkedHashMap<>();
        dimensions.put(MetricDimensions.FUNCTION, function);
        new TreeMap<>(callerDimensions).forEach((name, value) -> {
            requireValid(name, value);
            dimensions.put(name, value);
        });
        return Collections.unmodifiableMap(dimensions);
    }

    static void requireMetricName(String metric) {
        if (metric == null || metric.isBlank() || metric.length() > MAX_VALUE_LENGTH) {
            throw new IllegalArgumentException("metrics - metric name must be 1-" + MAX_VALUE_LENGTH + " characters, was '"
                    + metric + "'");
        }
    }

    private static void requireValid(String name, String value) {
        if (MetricDimensions.FUNCTION.equals(name)) {
            throw new IllegalArgumentException("metrics - the function dimension is set by the recorder, not the caller");
        }
        if (name == null || name.isBlank() || value == null || value.isBlank()) {
            throw new IllegalArgumentException("metrics - dimension names and values must not be blank: " + name + "="
                    + value);
        }
        if (value.length() > MAX_VALUE_LENGTH || !PRINTABLE_ASCII.matcher(name + value).matches()) {
            throw new IllegalArgumentException("metrics - dimension " + name + " must be printable ASCII without spaces, "
                    + "at most " + MAX_VALUE_LENGTH + " characters, was '" + Redact.phonesIn(value) + "'");
        }
        if (ID_LIKE.matcher(value).find()) {
            throw new IllegalArgumentException("metrics - dimension " + name + " looks like it carries an id ('"
                    + Redact.phonesIn(value) + "'); use a route template or a fixed name");
        }
    }
}
