package com.kin.core.identity;

import io.micronaut.serde.annotation.Serdeable;
import java.util.Objects;
import java.util.UUID;

/**
 * The authenticated user behind a request, as API Gateway's JWT authorizer vouches for it.
 *
 * <p>The visibility rules live here and nowhere else: an agent sees what it owns, a manager what its department's users own
 * (only its own when it has no department), an admin everything.
 */
@Serdeable
public record Caller(UUID userId, String email, Role role, String department) {

    public Caller {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(role, "role");
    }

    public boolean isAdmin() {
        return role == Role.ADMIN;
    }

    /** Whether this caller may see or change a record owned by {@code ownerId}, whose owner works in {@code ownerDepartment}. */
    public boolean canAccess(UUID ownerId, String ownerDepartment) {
        return switch (role) {
            case ADMIN -> true;
            case MANAGER -> department == null
                    ? userId.equals(ownerId)
                    : userId.equals(ownerId) || department.equals(ownerDepartment);
            case AGENT -> userId.equals(ownerId);
        };
    }

    /**
     * A string that is equal for two callers exactly when they see the same records, so cached results can be shared
     * between them and never across them.
     */
    public String visibilityKey() {
        return switch (role) {
            case ADMIN -> "admin";
            case MANAGER -> department == null ? "user:" + userId : "dept:" + department;
            case AGENT -> "user:" + userId;
        };
    }
}
