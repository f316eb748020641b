package com.kin.data.users;

import com.kin.core.identity.Role;
import java.util.UUID;

/** Just enough of a user to decide ownership questions: who, which role, which department, still active. */
public record UserRef(UUID id, Role role, String department, boolean active) {
}
