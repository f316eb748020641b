package com.kin.core.domain;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import java.util.UUID;

/**
 * One SMS/MMS in either direction. {@code userId} is the user who sent it or to whom it was routed; {@code contactId} the
 * contact it was matched to (null for an unknown number). {@code direction} is {@code inbound} or {@code outbound};
 * {@code status} is Twilio's message status. An inbound message is unread while {@code readAt} is null.
 */
@Serdeable
public record Message(
        UUID id,
        String direction,
        String status,
        String body,
        String fromNumber,
        String toNumber,
        @Nullable UUID userId,
        @Nullable UUID contactId,
        @Nullable UUID templateId,
        @Nullable UUID bulkJobId,
        @Nullable String twilioMessageSid,
        @Nullable Integer errorCode,
        @Nullable String errorMessage,
        @Nullable Instant sentAt,
        @Nullable Instant deliveredAt,
        @Nullable Instant readAt,
        Instant createdAt,
        Instant updatedAt,
        long version) {

    public static final String INBOUND = "inbound";
    public static final String OUTBOUND = "outbound";
}
