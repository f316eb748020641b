package com.kin.health;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.context.annotation.Context;
import io.micronaut.core.bind.annotation.Bindable;
import java.time.Duration;

/**
 * How the health report is taken, from the environment: {@code HEALTH_CHECK_TIMEOUT_MS} (how long the report waits for
 * any one check, default 1000) and {@code HEALTH_CHECK_INTERVAL} (the guide's variable, in ms, default 30000: how long
 * the results of the calls that cost a third party something, Twilio and Quickbase, are reused).
 *
 * <p>Checked when the function starts, so a bad value fails the cold start with a message naming the variable.
 */
@Context
@ConfigurationProperties("health")
public record HealthConfig(
        @Bindable(defaultValue = "1000") long checkTimeoutMs,
        @Bindable(defaultValue = "30000") long checkInterval) {

    /** Leaves room under API Gateway's 29 s for the slowest check and the rest of the request. */
    static final long MAX_TIMEOUT_MS = 10_000;
    static final long MAX_INTERVAL_MS = 24 * 3_600_000L;

    public HealthConfig {
        require(checkTimeoutMs >= 50 && checkTimeoutMs <= MAX_TIMEOUT_MS, "HEALTH_CHECK_TIMEOUT_MS",
                "must be 50.." + MAX_TIMEOUT_MS + " ms, got " + checkTimeoutMs);
        require(checkInterval >= 0 && checkInterval <= MAX_INTERVAL_MS, "HEALTH_CHECK_INTERVAL",
                "must be 0.." + MAX_INTERVAL_MS + " ms (0: call Twilio and Quickbase on every request), got "
                        + checkInterval);
    }

    public Duration checkTimeout() {
        return Duration.ofMillis(checkTimeoutMs);
    }

    public Duration interval() {
        return Duration.ofMillis(checkInterval);
    }

    private static void require(boolean ok, String key, String problem) {
        if (!ok) {
            throw new IllegalStateException(key + " - " + problem);
        }
    }
}
