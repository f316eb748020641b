package com.kin.twilio.rest;

import java.time.Duration;
import java.util.function.DoubleSupplier;

/**
 * Exponential backoff with "equal jitter": before retry n the ceiling is {@code base * 2^(n-1)} (capped at {@code max});
 * the pause is half the ceiling plus a random share of the other half, so callers that failed together spread out
 * while each still waits a growing minimum.
 */
final class Backoff {

    private final long baseMillis;
    private final long maxMillis;
    private final DoubleSupplier jitter;

    /** @param jitter values in [0, 1); production passes a random source, tests a fixed one */
    Backoff(Duration base, Duration max, DoubleSupplier jitter) {
        this.baseMillis = base.toMillis();
        this.maxMillis = max.toMillis();
        this.jitter = jitter;
    }

    /** The pause after failed attempt {@code attempt} (1-based), before the next one. */
    Duration pauseAfter(int attempt) {
        if (attempt < 1) {
            throw new IllegalArgumentException("attempt is 1-based, got " + attempt);
        }
        long ceiling = maxMillis;
        // Past 2^30 the ceiling is far beyond any budget; stop doubling before the shift overflows.
        if (attempt <= 31) {
            ceiling = Math.min(maxMillis, baseMillis << (attempt - 1));
        }
        long half = ceiling / 2;
        double share = Math.min(Math.max(jitter.getAsDouble(), 0.0), 1.0);
        return Duration.ofMillis(half + Math.round(share * (ceiling - half)));
    }
}
