package com.kin.users;

import com.kin.cache.Cached;
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
import com.kin.data.users.UpdatedUser;
import com.kin.data.users.UserField;
import com.kin.data.users.UserFilter;
import com.kin.data.users.UserRepository;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.UUID;

/**
 * User administration. Admins list, read, create and change users; a manager reads the users of its department (the
 * rule of {@link Caller#canAccess} applied to users: a user is "owned" by itself); an agent reads only itself and may not
 * list. An admin may not demote or deactivate itself, so the platform never loses its last way in by accident.
 *
 * <p>Reads go through the cache: a list page per caller visibility ({@code USER_LIST}), one user by id for everyone
 * ({@code USER}, access checked after the read). Writes invalidate, after they committed, the user's record tag (its
 * session, preferences and record entries) and the list tags of every visibility that can see the user, in its
 * department before and after the write.
 */
@Singleton
class UserAdminService {

    private final Database database;
    private final UserRepository users;
    private final UserCache cache;
    private final Clock clock;

    UserAdminService(Database database, UserRepository users, UserCache cache, Clock clock) {
        this.database = database;
        this.users = users;
        this.cache = cache;
        this.clock = clock;
    }

    Cached<Page<User>> list(Caller caller, UserFilter filter, PageRequest page) {
        if (!caller.canListUsers()) {
            throw new ForbiddenError("users - only managers and admins may list users");
        }
        Cursor after = page.cursor() == null ? null : Cursor.decode(page.cursor(), UserRepository.SORT);
        return cache.page(caller, filter, page, () ->
                Page.of(users.list(database, caller, filter, after, page.fetchSize()), page, UserRepository::cursorOf));
    }

    Cached<User> get(Caller caller, UUID id) {
        Cached<User> user = cache.user(id, () -> users.find(database, id).orElseThrow(() -> NotFoundError.of("users", id)));
        if (!caller.canAccess(user.value().id(), user.value().department())) {
            throw NotFoundError.of("users", id);
        }
        return user;
    }

    User create(Caller caller, Map<UserField, Object> values) {
        requireAdmin(caller, "create users");
        User created = users.insert(database, values, clock.instant());
        cache.changed(created.id(), created.department());
        return created;
    }

    User update(Caller caller, UUID id, Map<UserField, Object> changes, OptionalLong expectedVersion) {
        requireAdmin(caller, "change users");
        if (caller.userId().equals(id)) {
            refuseSelfLockout(changes);
        }
        UpdatedUser updated = users.update(database, caller, id, changes, expectedVersion, clock.instant())
                .orElseThrow(() -> whyNotChanged(caller, id, expectedVersion));
        cache.changed(id, updated.previousDepartment(), updated.user().department());
        if (!Objects.equals(updated.previousDepartment(), updated.user().department())) {
            cache.moved(id, updated.previousDepartment(), updated.user().department());
        }
        return updated.user();
    }

    private static void refuseSelfLockout(Map<UserField, Object> changes) {
        if (changes.containsKey(UserField.ROLE) && !Role.ADMIN.wireName().equals(changes.get(UserField.ROLE))) {
            throw BadRequestError.field("role", "an admin may not demote itself; ask another admin to change your role");
        }
        if (Boolean.FALSE.equals(changes.get(UserField.ACTIVE))) {
            throw BadRequestError.field("active", "an admin may not deactivate itself; ask another admin");
        }
    }

    /**
     * After the conditional write matched nothing: the user is gone or hidden (404), or it moved on (412). Read from the
     * database, not the cache, so the version the message names is the one that refused the write.
     */
    private KinException whyNotChanged(Caller caller, UUID id, OptionalLong expectedVersion) {
        User current = users.find(database, id)
                .filter(user -> caller.canAccess(user.id(), user.department()))
                .orElseThrow(() -> NotFoundError.of("users", id));
        return new PreconditionFailedError("users - user " + id + " is at version " + current.version() + ", not "
                + expectedVersion.orElse(-1) + "; reload it and retry");
    }

    private static void requireAdmin(Caller caller, String action) {
        if (!caller.canAdministerUsers()) {
            throw new ForbiddenError("users - only admins may " + action);
        }
    }
}
