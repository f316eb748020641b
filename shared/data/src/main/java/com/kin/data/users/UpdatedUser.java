package com.kin.data.users;

import com.kin.core.domain.User;

/**
 * A user as an update left it, and the department it had just before: a change of department moves the user between
 * the lists of two departments, and the cache must forget both.
 */
public record UpdatedUser(User user, String previousDepartment) {
}
