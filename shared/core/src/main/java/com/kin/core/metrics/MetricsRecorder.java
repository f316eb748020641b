package com.kin.core.metrics;

import java.util.Map;

/**
 * Where shared code records operational measurements (cache outcomes, query time, Twilio latency).
 *
 * <p>Shared modules depend on this interface only; the observability module provides the bean that writes CloudWatch EMF
 * through Powertools. Dimension values must come from a small, fixed set (route templates, kinds, tiers), never ids.
 */
public interface MetricsRecorder {

    /** Adds {@code value} to a count metric. */
    void count(String metric, double value, Map<String, String> dimensions);

    /** Records a duration in milliseconds. */
    void millis(String metric, double millis, Map<String, String> dimensions);
}
