package com.kin.idempotency;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;

/**
 * Where and how long first results are kept: {@code IDEMPOTENCY_TABLE} (required), {@code IDEMPOTENCY_EXPIRY_SECONDS}
 * (how long a key is remembered, default 24 h), {@code IDEMPOTENCY_IN_PROGRESS_SECONDS} (after how long an unfinished
 * attempt, e.g. from a crashed instance, may be taken over; default 60 s, above the function timeout).
 */
@ConfigurationProperties("idempotency")
public record IdempotencyConfig(
        @Nullable String table,
        @Bindable(defaultValue = "86400") long expirySeconds,
        @Bindable(defaultValue = "60") long inProgressSeconds) {

    public IdempotencyConfig validated() {
        if (table == null || table.isBlank()) {
            throw new IllegalStateException("IDEMPOTENCY_TABLE - is not set; POST routes cannot honour Idempotency-Key "
                    + "without it (template.yaml sets it from IdempotencyTable)");
        }
        if (expirySeconds < 60 || expirySeconds > 7 * 86400) {
            throw new IllegalStateException("IDEMPOTENCY_EXPIRY_SECONDS - must be between 60 and 604800, got " + expirySeconds);
        }
        if (inProgressSeconds < 5 || inProgressSeconds > 900) {
            throw new IllegalStateException("IDEMPOTENCY_IN_PROGRESS_SECONDS - must be between 5 and 900, got "
                    + inProgressSeconds);
        }
        return this;
    }
}
