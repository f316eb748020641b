package com.kin.users;

import com.kin.core.identity.Role;
import com.kin.core.validation.FieldErrors;
import com.kin.core.validation.QueryValues;
import com.kin.data.users.UserFilter;

/** The query parameters of {@code GET /api/users}, read as text and checked together: every bad one is reported. */
record UserListQuery(UserFilter filter, Integer limit) {

    private static final int MAX_DEPARTMENT = 100;

    static UserListQuery parse(String role, String department, String active, String limit) {
        FieldErrors errors = new FieldErrors("users list");
        Role roleFilter = role(role, errors);
        String departmentFilter = department(department, errors);
        Boolean activeFilter = QueryValues.bool("active", active, errors);
        Integer pageSize = QueryValues.limit(limit, errors);
        errors.throwIfAny();
        return new UserListQuery(new UserFilter(roleFilter, departmentFilter, activeFilter), pageSize);
    }

    private static Role role(String value, FieldErrors errors) {
        if (QueryValues.isAbsent(value)) {
            return null;
        }
        Role role = Role.fromClaim(value).filter(r -> r.wireName().equals(value.strip())).orElse(null);
        if (role == null) {
            errors.add("role", "must be agent, manager or admin");
        }
        return role;
    }

    private static String department(String value, FieldErrors errors) {
        if (QueryValues.isAbsent(value)) {
            return null;
        }
        String department = value.strip();
        if (department.length() > MAX_DEPARTMENT) {
            errors.add("department", "must be at most " + MAX_DEPARTMENT + " characters");
            return null;
        }
        return department;
    }
}
