package com.kin.core.domain;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import java.util.UUID;

/**
 * A platform user (agent, manager or admin). {@code id} is the {@code sub} claim of the user's tokens. {@code role} is the
 * wire name ({@code agent}, {@code manager}, {@code admin}); {@code twilioWorkerSid} links the user to its TaskRouter
 * worker, {@code clientIdentity} to its Twilio Client ({@code client:<identity>}). A deactivated user ({@code active}
 * false) is kept, because calls, messages and voicemails keep referring to it. Preferences are a document of their own
 * ({@link Preferences}).
 */
@Serdeable
public record User(
        UUID id,
        String email,
        String name,
        String role,
        @Nullable String department,
        @Nullable String twilioWorkerSid,
        @Nullable String phoneNumber,
        @Nullable String clientIdentity,
        boolean active,
        Instant createdAt,
        Instant updatedAt,
        long version) {
}
