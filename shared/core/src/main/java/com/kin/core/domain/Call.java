package com.kin.core.domain;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import java.util.UUID;

/**
 * One tracked Twilio call leg. {@code userId} is the agent who placed or took it (null while an inbound call is unanswered);
 * {@code department} is the department the call was routed to. Numbers are E.164, or Twilio's {@code client:<identity>} /
 * {@code anonymous}. {@code recordingUrl} is a playable link ({@link Recordings#playableUrl}).
 */
@Serdeable
public record Call(
        UUID id,
        CallDirection direction,
        CallStatus status,
        String fromNumber,
        String toNumber,
        @Nullable UUID userId,
        @Nullable UUID contactId,
        String twilioCallSid,
        @Nullable Instant startedAt,
        @Nullable Instant answeredAt,
        @Nullable Instant endedAt,
        @Nullable Integer durationSeconds,
        @Nullable String recordingUrl,
        @Nullable String department,
        Instant createdAt,
        Instant updatedAt,
        long version) {
}
