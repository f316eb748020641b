package com.kin.cache;

import java.time.Duration;

/**
 * The wait on DynamoDB one cache operation may still spend; whatever L2 does, the caller never waits longer in total.
 * Measured on the monotonic clock because it bounds real waiting, not a point in time.
 */
final class L2Budget {

    private final long deadlineNanos;

    private L2Budget(long deadlineNanos) {
        this.deadlineNanos = deadlineNanos;
    }

    static L2Budget of(Duration wait) {
        return new L2Budget(System.nanoTime() + wait.toNanos());
    }

    long remainingNanos() {
        return deadlineNanos - System.nanoTime();
    }

    boolean exhausted() {
        return remainingNanos() <= 0;
    }
}
