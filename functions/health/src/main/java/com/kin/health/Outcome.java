package com.kin.health;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What one check found, before the service adds the part's name and how long the check took.
 *
 * @param details facts worth showing an operator (states, counts, names); never a credential
 */
public record Outcome(PartStatus status, String message, Map<String, Object> details) {

    public Outcome {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(message, "message");
        details = details == null ? Map.of() : Map.copyOf(details);
    }

    public static Outcome ok(String message, Map<String, Object> details) {
        return new Outcome(PartStatus.OK, message, details);
    }

    public static Outcome degraded(String message, Map<String, Object> details) {
        return new Outcome(PartStatus.DEGRADED, message, details);
    }

    public static Outcome down(String message) {
        return new Outcome(PartStatus.DOWN, message, Map.of());
    }

    public static Outcome down(String message, Map<String, Object> details) {
        return new Outcome(PartStatus.DOWN, message, details);
    }

    public static Outcome notConfigured(String message) {
        return new Outcome(PartStatus.NOT_CONFIGURED, message, Map.of());
    }

    /** The same outcome with one more detail. */
    public Outcome withDetail(String key, Object value) {
        Map<String, Object> more = new LinkedHashMap<>(details);
        more.put(key, value);
        return new Outcome(status, message, more);
    }
}
