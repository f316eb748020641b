package com.kin.observability;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.exceptions.ConfigurationException;
import io.micronaut.core.bind.annotation.Bindable;
import java.time.Duration;

/**
 * Thresholds above which a request or a query is logged as slow.
 *
 * <p>Bound from {@code OBSERVABILITY_SLOW_REQUEST_MS} and {@code OBSERVABILITY_SLOW_QUERY_MS}. Created with the context
 * so a bad value stops the function at start instead of on the first request.
 */
@Context
@ConfigurationProperties("observability")
public record ObservabilityConfig(
        @Bindable(defaultValue = "1000") long slowRequestMs,
        @Bindable(defaultValue = "200") long slowQueryMs) {

    public ObservabilityConfig {
        requirePositive("observability.slow-request-ms (OBSERVABILITY_SLOW_REQUEST_MS)", slowRequestMs);
        requirePositive("observability.slow-query-ms (OBSERVABILITY_SLOW_QUERY_MS)", slowQueryMs);
    }

    public Duration slowRequestThreshold() {
        return Duration.ofMillis(slowRequestMs);
    }

    public Duration slowQueryThreshold() {
        return Duration.ofMillis(slowQueryMs);
    }

    private static void requirePositive(String key, long value) {
        if (value <= 0) {
            throw new ConfigurationException(key + " must be a positive number of milliseconds, was " + value);
        }
    }
}
