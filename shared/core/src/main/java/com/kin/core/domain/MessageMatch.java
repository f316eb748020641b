package com.kin.core.domain;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import java.util.UUID;

/** A message found by search in its body, with its full-text rank ({@code score}, higher is better). */
@Serdeable
public record MessageMatch(
        UUID id,
        @Nullable UUID contactId,
        @Nullable UUID userId,
        String direction,
        String body,
        String fromNumber,
        String toNumber,
        Instant createdAt,
        double score) {
}
