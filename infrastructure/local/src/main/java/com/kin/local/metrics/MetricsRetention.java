package com.kin.local.metrics;

import com.kin.local.template.FunctionSpec;
import java.time.Duration;
import java.util.List;

/**
 * How long the local store keeps datapoints: the longest {@code METRICS_RETENTION_TIME} (milliseconds, the performance
 * guide's unit) that a function of the template sets, so every window the metrics function may ask for is covered;
 * one hour (the function's default) when none sets it.
 */
public final class MetricsRetention {

    public static final String VARIABLE = "METRICS_RETENTION_TIME";
    static final Duration DEFAULT = Duration.ofHours(1);

    private MetricsRetention() {
    }

    public static Duration of(List<FunctionSpec> functions) {
        Duration longest = null;
        for (FunctionSpec function : functions) {
            Object value = function.environment().get(VARIABLE);
            if (value instanceof String text) {
                Duration retention = parse(function.logicalId(), text);
                longest = longest == null || retention.compareTo(longest) > 0 ? retention : longest;
            }
        }
        return longest == null ? DEFAULT : longest;
    }

    private static Duration parse(String function, String text) {
        try {
            long millis = Long.parseLong(text.strip());
            if (millis > 0) {
                return Duration.ofMillis(millis);
            }
        } catch (NumberFormatException e) {
            // reported below with the positive-number rule
        }
        throw new IllegalArgumentException(VARIABLE + " - " + function + " sets '" + text
                + "'; it must be a positive number of milliseconds");
    }
}
