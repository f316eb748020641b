package com.kin.data.calls;

import io.micronaut.core.annotation.Nullable;
import java.util.UUID;

/**
 * A contact as the party a click-to-call dials: its owner (for the visibility check) and the number to dial, its phone,
 * else its mobile phone (null when it has neither).
 */
public record CallTarget(UUID contactId, UUID ownerId, @Nullable String ownerDepartment, @Nullable String number) {
}
