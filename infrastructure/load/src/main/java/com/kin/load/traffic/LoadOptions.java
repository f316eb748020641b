package com.kin.load.traffic;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;

/**
 * One load run, validated: who (virtual users at a rate each), how long (warm-up, measured duration, drain), the
 * bounds (a request cap and an in-flight limit) and where (the runtime's loopback gateway, which also serves the
 * webhooks' function URLs under /fn, and its database).
 *
 * @param prime       one request per route, one at a time, before any traffic (each function gets a warm instance)
 * @param warmUp      traffic sent before the measurement, and not counted: first cache fills, JIT
 * @param drain       how long to wait after the last scheduled request for those still in flight
 * @param jitter      how far a request may move from its slot on the user's grid, as a share of the interval (0..1)
 * @param connections requests in flight at most (HTTP/1.1: so also connections open at most)
 */
public record LoadOptions(int users, Rate rate, Duration duration, Duration warmUp, Duration drain, long maxRequests,
                          int connections, double jitter, URI api, String jdbcUrl, String dbUser,
                          String dbPassword, Path template, Path state, long randomSeed, boolean prime) {

    public static final int MAX_USERS = 5_000;
    public static final Duration MAX_DURATION = Duration.ofHours(1);
    public static final Duration MAX_WARM_UP = Duration.ofMinutes(10);
    public static final Duration MAX_DRAIN = Duration.ofMinutes(2);
    public static final double MAX_RATE_PER_MINUTE = 6_000;
    public static final int MAX_CONNECTIONS = 1_024;

    public LoadOptions {
        require(users >= 1 && users <= MAX_USERS, "--users - must be between 1 and " + MAX_USERS + ", got " + users);
        require(rate.perMinute() <= MAX_RATE_PER_MINUTE, "--rate - at most " + (long) MAX_RATE_PER_MINUTE
                + "/min per user, got " + rate);
        require(!duration.isNegative() && duration.compareTo(Duration.ofSeconds(1)) >= 0
                && duration.compareTo(MAX_DURATION) <= 0, "--duration - must be between 1s and 1h, got "
                + DurationText.format(duration));
        require(!warmUp.isNegative() && warmUp.compareTo(MAX_WARM_UP) <= 0, "--warm-up - must be between 0s and 10m, got "
                + DurationText.format(warmUp));
        require(!drain.isNegative() && drain.compareTo(MAX_DRAIN) <= 0, "--drain - must be between 0s and 2m, got "
                + DurationText.format(drain));
        require(connections >= 1 && connections <= MAX_CONNECTIONS, "--connections - must be between 1 and "
                + MAX_CONNECTIONS + ", got " + connections);
        require(jitter >= 0 && jitter <= 1, "--jitter - must be between 0 and 1, got " + jitter);
        require(maxRequests >= 1, "--max-requests - must be at least 1, got " + maxRequests);
        long planned = plannedRequests(users, rate, duration.plus(warmUp));
        require(planned <= maxRequests, "--max-requests - the plan needs about " + planned + " requests (" + users
                + " users x " + rate + " x " + DurationText.format(duration.plus(warmUp))
                + " including warm-up), above the cap of " + maxRequests + "; raise --max-requests or shorten the run");
    }

    /** Requests a run schedules: every user's slots that start within the time, rounded up per user. */
    public static long plannedRequests(int users, Rate rate, Duration time) {
        return (long) users * (long) Math.ceil(time.toNanos() / (double) rate.intervalNanos());
    }

    public long plannedRequests() {
        return plannedRequests(users, rate, duration);
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }
}
