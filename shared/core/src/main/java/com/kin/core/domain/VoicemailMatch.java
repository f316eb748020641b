package com.kin.core.domain;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import java.util.UUID;

/** A voicemail found by search in its transcription, with its full-text rank ({@code score}, higher is better). */
@Serdeable
public record VoicemailMatch(
        UUID id,
        @Nullable UUID contactId,
        @Nullable UUID assignedToId,
        @Nullable String department,
        VoicemailPriority priority,
        String fromNumber,
        String transcription,
        boolean read,
        Instant createdAt,
        double score) {
}
