package com.kin.snapstart;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;
import java.time.Duration;
import java.util.Locale;

/**
 * SnapStart priming from the template's environment: {@code SNAPSTART_PRIMING} (true/false, default true),
 * {@code SNAPSTART_STEP_TIMEOUT_MS} (the time box of each step, default 5000) and {@code SNAPSTART_HANDLER} (the handler
 * class the priming invocation goes through; unset on Lambda, where {@code _HANDLER} names it).
 */
@ConfigurationProperties("snapstart")
public record SnapStartConfig(
        @Bindable(defaultValue = "true") String priming,
        @Bindable(defaultValue = "5000") int stepTimeoutMs,
        @Nullable String handler) {

    /** Whether priming runs; fails with a message naming the variable, so a bad deployment stops at its first start. */
    public boolean enabled() {
        String value = priming == null ? "" : priming.trim().toLowerCase(Locale.ROOT);
        if (!value.equals("true") && !value.equals("false")) {
            throw new IllegalStateException("SNAPSTART_PRIMING - must be true or false, got '" + priming + "'");
        }
        return value.equals("true");
    }

    /** The time box of one step; fails naming the variable when out of range. */
    public Duration stepTimeout() {
        if (stepTimeoutMs < 100 || stepTimeoutMs > 60_000) {
            throw new IllegalStateException("SNAPSTART_STEP_TIMEOUT_MS - must be between 100 and 60000 ms, got "
                    + stepTimeoutMs);
        }
        return Duration.ofMillis(stepTimeoutMs);
    }
}
