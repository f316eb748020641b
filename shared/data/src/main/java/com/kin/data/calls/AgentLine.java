package com.kin.data.calls;

import io.micronaut.core.annotation.Nullable;
import java.util.UUID;

/**
 * Where an agent can be rung for a click-to-call: their phone ({@code users.phone_number}, E.164) or their browser/app
 * client ({@code users.client_identity}, dialled as {@code client:<identity>}); either may be missing.
 */
public record AgentLine(UUID userId, @Nullable String department, @Nullable String phoneNumber,
                        @Nullable String clientIdentity) {
}
