package com.kin.data.users;

import com.kin.core.identity.Role;

/** What the user list is narrowed to: a role, a department, active or deactivated users. Any of them may be null. */
public record UserFilter(Role role, String department, Boolean active) {
}
