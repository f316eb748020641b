package com.kin.bulksmsworker;

import com.kin.twilio.rest.Sleeper;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * {@code BULK_SMS_RATE_PER_SECOND} for this worker instance: a token bucket holding one token, refilled at the configured
 * rate, so sends start at least {@code 1 / rate} seconds apart. A send that itself took longer than that leaves no wait;
 * time spent frozen between invocations refills at most the one token, so a thawed instance does not burst.
 */
@Singleton
final class SendRate {

    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    private final long intervalNanos;
    private final Clock clock;
    private final Sleeper sleeper;
    /** When the next token is (or was) available, in nanoseconds of {@link #clock}'s epoch time. */
    private long nextTokenAt = Long.MIN_VALUE;

    @Inject
    SendRate(WorkerConfig config, Clock clock, Sleeper sleeper) {
        this(config.ratePerSecond(), clock, sleeper);
    }

    SendRate(double ratePerSecond, Clock clock, Sleeper sleeper) {
        this.intervalNanos = Math.max(1, Math.round(NANOS_PER_SECOND / ratePerSecond));
        this.clock = clock;
        this.sleeper = sleeper;
    }

    /** Takes the token, first waiting for it when the previous send started less than one interval ago. */
    synchronized void acquire() throws InterruptedException {
        long now = nanos();
        long grantedAt = Math.max(now, nextTokenAt);
        if (grantedAt > now) {
            sleeper.sleep(Duration.ofNanos(grantedAt - now));
        }
        nextTokenAt = grantedAt + intervalNanos;
    }

    private long nanos() {
        Instant now = clock.instant();
        return now.getEpochSecond() * NANOS_PER_SECOND + now.getNano();
    }
}
