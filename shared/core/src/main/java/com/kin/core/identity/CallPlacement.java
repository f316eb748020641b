package com.kin.core.identity;

import io.micronaut.core.annotation.Nullable;
import java.util.Objects;
import java.util.UUID;

/**
 * Where a call sits for visibility ({@link Caller#canAccessRecord}): its user with the user's department, and the
 * department the call belongs to. Writers of calls read it with the write and hand it to
 * {@code com.kin.cache.CallTags#changed}, which names every cache entry that could hold the call.
 *
 * @param userId     the agent who placed or took the call, null while an inbound call is unanswered
 * @param department the department the call was routed to (or the placing agent's), may be null
 */
public record CallPlacement(UUID callId, @Nullable UUID userId, @Nullable String userDepartment,
                            @Nullable String department) {

    public CallPlacement {
        Objects.requireNonNull(callId, "callId");
    }
}
