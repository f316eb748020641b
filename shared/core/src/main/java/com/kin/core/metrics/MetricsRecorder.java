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

    /**
     * Runs {@code publisher} at the start of every flush (once per invocation in a function), so that a path too hot
     * for one sample per event (an L1 cache hit) can aggregate in memory and publish the totals then. A recorder that
     * has no flush (it writes each sample at once) never runs it.
     */
    default void beforeFlush(Runnable publisher) {
    }
}
