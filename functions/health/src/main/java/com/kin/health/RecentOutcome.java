package com.kin.health;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * The last outcome of a probe that costs a third party a call (Twilio, Quickbase), reused for
 * {@code HEALTH_CHECK_INTERVAL}: health requests (a load balancer, a dashboard) may come far more often than the answer
 * changes. Failures are reused too, so an outage is not hammered. One probe runs at a time; a report that arrives
 * while one is running waits for it (within its check timeout) instead of starting another.
 */
final class RecentOutcome {

    private final Clock clock;
    private final Duration interval;
    private final ReentrantLock lock = new ReentrantLock();
    private Outcome last;
    private Instant takenAt;

    RecentOutcome(Clock clock, Duration interval) {
        this.clock = clock;
        this.interval = interval;
    }

    /** The outcome taken within the interval, or a fresh one from {@code probe}; {@code cached} tells which. */
    Outcome get(Supplier<Outcome> probe) {
        lock.lock();
        try {
            if (last != null && clock.instant().isBefore(takenAt.plus(interval))) {
                return last.withDetail("cached", true);
            }
            Outcome fresh = probe.get();
            takenAt = clock.instant();
            last = fresh.withDetail("checkedAt", takenAt.toString());
            return last.withDetail("cached", false);
        } finally {
            lock.unlock();
        }
    }
}
