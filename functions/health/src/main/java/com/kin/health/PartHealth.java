package com.kin.health;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.util.Map;

/** One part of the health report: its name, status, how long its check took, what was found. */
@Serdeable
public record PartHealth(String name, PartStatus status, @JsonInclude(JsonInclude.Include.ALWAYS) long latencyMs,
                         String message, @Nullable Map<String, Object> details) {

    static PartHealth of(String name, Outcome outcome, long latencyMs) {
        return new PartHealth(name, outcome.status(), latencyMs, outcome.message(),
                outcome.details().isEmpty() ? null : outcome.details());
    }
}
