package com.kin.users;

import com.kin.core.domain.User;
import com.kin.core.error.BadRequestError;
import com.kin.core.error.ForbiddenError;
import com.kin.core.error.KinException;
import com.kin.core.error.NotFoundError;
import com.kin.core.error.PreconditionFailedError;
import com.kin.core.identity.Caller;
import com.kin.core.identity.Role;
import com.kin.core.page.Cursor;
import com.kin.core.page.Page;
import com.kin.core.page.PageRequest;
import com.kin.data.Database;
import com.kin.data.users.UserField;
import com.kin.data.users.UserFilter;
import com.kin.data.users.UserRepository;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.Map;
import java.util.OptionalLong;
import java.util.UUID;

/**
 * User administration. Admins list, read, create and change users; a manager reads the users of its department (the
 * rule of {@link Caller#canAccess} applied to users: a user is "owned" by itself); an agent reads only itself and may not
 * list. An admin may not demote or deactivate itself, so the platform never loses its last way in by accident.
 */
@Singleton
class UserAdminService {

    private final Database database;
    private final UserRepository users;
    private final Clock clock;

    UserAdminService(Database database, UserRepository users, Clock clock) {
        this.database = database;
        this.users = users;
        this.clock = clock;
    }

    Page<User> list(Caller caller, UserFilter filter, PageRequest page) {
        if (caller.role() == Role.AGENT) {
            throw new ForbiddenError("users - only managers and admins may list users");
        }
        Cursor after = page.cursor() == null ? null : Cursor.decode(page.cursor(), UserRepository.SORT);
        return Page.of(users.list(database, caller, filter, after, page.fetchSize()), page, UserRepository::cursorOf);
    }

    User get(Caller caller, UUID id) {
        return users.find(database, id)
                .filter(user -> caller.canAccess(user.id(), user.department()))
                .orElseThrow(() -> NotFoundError.of("users", id));
    }

    User create(Caller caller, Map<UserField, Object> values) {
        requireAdmin(caller, "create users");
        return users.insert(database, values, clock.instant());
    }

    User update(Caller caller, UUID id, Map<UserField, Object> changes, OptionalLong expectedVersion) {
        requireAdmin(caller, "change users");
        if (caller.userId().equals(id)) {
            refuseSelfLockout(changes);
        }
        return users.update(database, caller, id, changes, expectedVersion, clock.instant())
                .orElseThrow(() -> whyNotChanged(caller, id, expectedVersion));
    }

    private static void refuseSelfLockout(Map<UserField, Object> changes) {
        if (changes.containsKey(UserField.ROLE) && !Role.ADMIN.wireName().equals(changes.get(UserField.ROLE))) {
            throw BadRequestError.field("role", "an admin may not demote itself; ask another admin to change your role");
        }
        if (Boolean.FALSE.equals(changes.get(UserField.ACTIVE))) {
            throw BadRequestError.field("active", "an admin may not deactivate itself; ask another admin");
        }
    }

    /** After the conditional write matched nothing: the user is gone or hidden (404), or it moved on (412). */
    private KinException whyNotChanged(Caller caller, UUID id, OptionalLong expectedVersion) {
        User current = get(caller, id);
        return new PreconditionFailedError("users - user " + id + " is at version " + current.version() + ", not "
                + expectedVersion.orElse(-1) + "; reload it and retry");
    }

    private static void requireAdmin(Caller caller, String action) {
        if (!caller.isAdmin()) {
            throw new ForbiddenError("users - only admins may " + action);
        }
    }
}
