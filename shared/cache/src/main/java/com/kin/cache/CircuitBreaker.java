package com.kin.cache;

import java.time.Clock;
import java.time.Duration;

/**
 * Keeps a failing L2 from costing every request a timeout: after a failure L2 is bypassed for the retry interval, then
 * one request probes it; success closes the breaker, failure opens it for another interval. So a dead L2 costs one
 * timeout and one error per interval, and a recovered one is used again without a restart.
 */
final class CircuitBreaker {

    enum State { CLOSED, OPEN, PROBING }

    private final Clock clock;
    private final long retryIntervalMillis;
    private State state = State.CLOSED;
    private long openUntil;

    CircuitBreaker(Clock clock, Duration retryInterval) {
        this.clock = clock;
        this.retryIntervalMillis = retryInterval.toMillis();
    }

    /** Whether a call may go to L2 now; a {@code true} after the interval makes this caller the probe. */
    synchronized boolean tryAcquire() {
        return switch (state) {
            case CLOSED -> true;
            case PROBING -> false;
            case OPEN -> {
                if (clock.millis() < openUntil) {
                    yield false;
                }
                state = State.PROBING;
                yield true;
            }
        };
    }

    /** Returns true when this success ends an outage. */
    synchronized boolean onSuccess() {
        boolean recovered = state != State.CLOSED;
        state = State.CLOSED;
        return recovered;
    }

    /** Returns true when this failure opens the breaker, i.e. the first failure of an interval, which is reported. */
    synchronized boolean onFailure() {
        if (state == State.OPEN) {
            return false;
        }
        state = State.OPEN;
        openUntil = clock.millis() + retryIntervalMillis;
        return true;
    }

    /** A call that was allowed but never made: a probe gives its turn to the next caller. */
    synchronized void release() {
        if (state == State.PROBING) {
            state = State.OPEN;
        }
    }

    synchronized State state() {
        return state;
    }
}
