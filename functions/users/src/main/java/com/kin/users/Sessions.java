package com.kin.users;

import com.kin.cache.Cached;
import com.kin.core.domain.User;
import com.kin.core.error.ForbiddenError;
import com.kin.core.error.NotFoundError;
import com.kin.core.identity.Caller;
import com.kin.data.Database;
import com.kin.data.users.UserRepository;
import jakarta.inject.Singleton;

/**
 * The caller's session: its own user record, read through the cache ({@code CacheKind.SESSION}, 30 min), and the rule
 * that <b>a deactivated user is blocked on every users route</b> (403), although its token stays valid until it expires.
 *
 * <p>Every route of this function asks here first, so the rule costs an L1 lookup on a warm instance and one
 * primary-key read per user per session TTL otherwise (the entry is shared through L2). Deactivating a user
 * ({@code PATCH /api/users/{id}} with {@code active: false}) invalidates the user's record tag, which the session entry
 * carries: the writing instance blocks the user at once, every other one within the cache's staleness bound.
 */
@Singleton
class Sessions {

    private final Database database;
    private final UserRepository users;
    private final UserCache cache;

    Sessions(Database database, UserRepository users, UserCache cache) {
        this.database = database;
        this.users = users;
        this.cache = cache;
    }

    /** The caller's own record ({@code /api/users/me}): 404 when the token's subject has no user, 403 when deactivated. */
    Cached<User> ownRecord(Caller caller) {
        Cached<User> session = session(caller);
        if (session.value() == null) {
            throw NotFoundError.of("users", caller.userId());
        }
        requireActive(session.value());
        return session;
    }

    /** Admits a caller to the user administration routes only with an active user record; 403 otherwise. */
    void requireActive(Caller caller) {
        User user = session(caller).value();
        if (user == null) {
            throw new ForbiddenError("users - caller " + caller.userId() + " has no user record");
        }
        requireActive(user);
    }

    private Cached<User> session(Caller caller) {
        return cache.session(caller.userId(), () -> users.find(database, caller.userId()).orElse(null));
    }

    private static void requireActive(User user) {
        if (!user.active()) {
            throw new ForbiddenError("users - user " + user.id() + " is deactivated");
        }
    }
}
