package com.kin.core.domain;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import java.util.UUID;

/**
 * A message a caller left: its recording (a playable link, {@link Recordings#playableUrl}) and transcription, triaged by
 * assignee and priority. {@code department} is the department the call was routed to; an unassigned voicemail waits in
 * that department's queue. {@code read} is {@code readAt != null}.
 */
@Serdeable
public record Voicemail(
        UUID id,
        @Nullable UUID callId,
        @Nullable UUID contactId,
        @Nullable UUID assignedToId,
        @Nullable String department,
        VoicemailPriority priority,
        String fromNumber,
        boolean read,
        @Nullable Instant readAt,
        String recordingUrl,
        @Nullable String transcription,
        @Nullable Integer durationSeconds,
        Instant createdAt,
        Instant updatedAt,
        long version) {
}
