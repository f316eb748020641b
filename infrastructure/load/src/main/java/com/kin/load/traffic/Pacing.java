package com.kin.load.traffic;

import java.time.Duration;
import java.util.OptionalLong;

/**
 * When each request of a virtual user is meant to start, in nanoseconds from the start of a window. A user's requests
 * sit on a grid of slots one interval apart, shifted by the user's phase (so that users do not fire together); each
 * request moves from its slot by up to {@code jitter / 2} of an interval either way. The grid keeps the rate exact over
 * any window (no drift), and the jitter never reorders one user's requests.
 *
 * <p>This is an open model: the times do not depend on responses. A slow server gets the same offered load, and latency
 * is measured from these intended times, so time spent waiting to be sent counts (no coordinated omission).
 */
public final class Pacing {

    private final long interval;
    private final double jitter;
    private final long window;

    public Pacing(Rate rate, double jitter, Duration window) {
        if (jitter < 0 || jitter > 1) {
            throw new IllegalArgumentException("pacing - jitter must be between 0 and 1, got " + jitter);
        }
        this.interval = rate.intervalNanos();
        this.jitter = jitter;
        this.window = window.toNanos();
    }

    public long intervalNanos() {
        return interval;
    }

    /** The k-th slot of a user whose phase (0 inclusive to 1 exclusive) spreads users over one interval. */
    public long slot(long k, double phase) {
        return Math.round((k + phase) * interval);
    }

    /**
     * The intended start of the k-th request, {@code draw} (-1..1) choosing where within its jitter it falls; empty when
     * its slot is past the window. The start stays within the window.
     */
    public OptionalLong start(long k, double phase, double draw) {
        long slot = slot(k, phase);
        if (slot >= window) {
            return OptionalLong.empty();
        }
        long shifted = slot + Math.round(draw * jitter * interval / 2.0);
        return OptionalLong.of(Math.max(0, Math.min(window - 1, shifted)));
    }

    /** How many requests a user with this phase makes within the window. */
    public long count(double phase) {
        double slots = window / (double) interval - phase;
        return slots <= 0 ? 0 : (long) Math.ceil(slots);
    }
}
