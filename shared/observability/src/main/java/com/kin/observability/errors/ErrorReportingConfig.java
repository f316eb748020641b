package com.kin.observability.errors;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.exceptions.ConfigurationException;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;
import java.util.Optional;

/**
 * Sentry settings: {@code SENTRY_DSN} (reporting is off while it is unset or blank), {@code SENTRY_ENVIRONMENT},
 * {@code SENTRY_FLUSH_TIMEOUT_MS} (how long a report may hold the response, default 2000).
 */
@Context
@ConfigurationProperties("sentry")
public record ErrorReportingConfig(
        @Nullable String dsn,
        @Nullable String environment,
        @Bindable(defaultValue = "2000") long flushTimeoutMs) {

    public ErrorReportingConfig {
        if (flushTimeoutMs <= 0) {
            throw new ConfigurationException("sentry.flush-timeout-ms (SENTRY_FLUSH_TIMEOUT_MS) must be a positive number "
                    + "of milliseconds, was " + flushTimeoutMs);
        }
    }

    /** The DSN, when reporting is on. */
    public Optional<String> enabledDsn() {
        return Optional.ofNullable(dsn).filter(value -> !value.isBlank());
    }
}
