package com.kin.health;

/**
 * A check of one part of the system. {@link #run()} blocks; {@link HealthService} runs the checks in parallel and
 * stops waiting after {@code HEALTH_CHECK_TIMEOUT_MS}. A check reports what it expects to go wrong (unreachable,
 * refused, misconfigured) as an {@link Outcome}; anything else it throws is a bug and is logged as one.
 */
public interface HealthCheck {

    /** The part's name in the report, e.g. {@code database}. */
    String name();

    /** Where the part appears in the report. */
    int order();

    /** Whether the system is down, not merely degraded, when this part is at fault. */
    default boolean critical() {
        return false;
    }

    Outcome run();
}
