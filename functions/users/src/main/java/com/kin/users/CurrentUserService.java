package com.kin.users;

import com.kin.cache.Cached;
import com.kin.core.domain.Preferences;
import com.kin.core.domain.UserPreferences;
import com.kin.core.error.ForbiddenError;
import com.kin.core.error.KinException;
import com.kin.core.error.NotFoundError;
import com.kin.core.error.PreconditionFailedError;
import com.kin.core.identity.Caller;
import com.kin.data.Database;
import com.kin.data.users.SavedPreferences;
import com.kin.data.users.StoredPreferences;
import com.kin.data.users.UserRepository;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.OptionalLong;
import java.util.UUID;

/**
 * The caller's preferences: read through the cache ({@code CacheKind.PREFERENCES}, 10 min in L1), written with
 * {@code If-Match} on the user record's version, which the write bumps. The caller is the token's {@code sub}: no row is
 * a 404, a deactivated user a 403 (its token may still be valid until it expires). The caller's own record (the session)
 * is {@link Sessions}'.
 */
@Singleton
class CurrentUserService {

    private final Database database;
    private final UserRepository users;
    private final PreferencesInput documents;
    private final UserCache cache;
    private final Clock clock;

    CurrentUserService(Database database, UserRepository users, PreferencesInput documents, UserCache cache,
                       Clock clock) {
        this.database = database;
        this.users = users;
        this.documents = documents;
        this.cache = cache;
        this.clock = clock;
    }

    Cached<UserPreferences> preferences(Caller caller) {
        return cache.preferences(caller.userId(), () -> read(caller));
    }

    /** Replaces the caller's preferences (the whole document) if the user is at {@code expectedVersion}, when given. */
    UserPreferences savePreferences(Caller caller, Preferences preferences, OptionalLong expectedVersion) {
        UUID id = caller.userId();
        SavedPreferences saved = users.savePreferences(database, id, documents.toJson(preferences), expectedVersion,
                clock.instant()).orElseThrow(() -> whyNotSaved(caller, expectedVersion));
        // The version is the user record's: the session and the user's list pages show it too.
        cache.changed(id, saved.department());
        return new UserPreferences(id, preferences, saved.version());
    }

    private UserPreferences read(Caller caller) {
        StoredPreferences stored = users.preferences(database, caller.userId())
                .orElseThrow(() -> NotFoundError.of("users", caller.userId()));
        if (!stored.active()) {
            throw new ForbiddenError("users - user " + caller.userId() + " is deactivated");
        }
        return new UserPreferences(caller.userId(), documents.fromStored(stored.json()), stored.version());
    }

    /**
     * After the conditional write matched nothing: no such user (404), deactivated (403), or it moved on (412). Read from
     * the database, not the cache, so the version the message names is the one that refused the write.
     */
    private KinException whyNotSaved(Caller caller, OptionalLong expectedVersion) {
        long current = read(caller).version();
        return new PreconditionFailedError("users - preferences of user " + caller.userId() + " are at version "
                + current + ", not " + expectedVersion.orElse(-1) + "; reload them and retry");
    }
}
