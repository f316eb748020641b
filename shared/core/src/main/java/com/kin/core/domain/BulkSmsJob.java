package com.kin.core.domain;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import java.util.UUID;

/**
 * A bulk SMS job and its progress. {@code status} is {@code in_progress} while any recipient is still queued and
 * {@code completed} once every recipient has been attempted; {@code body} is the text with its {@code {{placeholders}}}
 * as the job was created.
 */
@Serdeable
public record BulkSmsJob(
        UUID id,
        String status,
        UUID createdBy,
        @Nullable UUID templateId,
        String body,
        BulkSmsCounts counts,
        Instant createdAt,
        Instant updatedAt,
        @Nullable Instant completedAt) {

    public static final String IN_PROGRESS = "in_progress";
    public static final String COMPLETED = "completed";
}
