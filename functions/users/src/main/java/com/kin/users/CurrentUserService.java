package com.kin.users;

import com.kin.core.domain.Preferences;
import com.kin.core.domain.User;
import com.kin.core.domain.UserPreferences;
import com.kin.core.error.ForbiddenError;
import com.kin.core.error.KinException;
import com.kin.core.error.NotFoundError;
import com.kin.core.error.PreconditionFailedError;
import com.kin.core.identity.Caller;
import com.kin.data.Database;
import com.kin.data.users.StoredPreferences;
import com.kin.data.users.UserRepository;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.OptionalLong;
import java.util.UUID;

/**
 * The caller's own user record (the session) and preferences. The caller is the token's {@code sub}: no row is a 404, a
 * deactivated user a 403 (its token may still be valid until it expires). One read method per cached kind: {@link #me}
 * (the session) and {@link #preferences}.
 */
@Singleton
class CurrentUserService {

    private final Database database;
    private final UserRepository users;
    private final PreferencesInput documents;
    private final Clock clock;

    CurrentUserService(Database database, UserRepository users, PreferencesInput documents, Clock clock) {
        this.database = database;
        this.users = users;
        this.documents = documents;
        this.clock = clock;
    }

    User me(Caller caller) {
        User user = users.find(database, caller.userId()).orElseThrow(() -> NotFoundError.of("users", caller.userId()));
        requireActive(user.active(), user.id());
        return user;
    }

    UserPreferences preferences(Caller caller) {
        StoredPreferences stored = users.preferences(database, caller.userId())
                .orElseThrow(() -> NotFoundError.of("users", caller.userId()));
        requireActive(stored.active(), caller.userId());
        return new UserPreferences(caller.userId(), documents.fromStored(stored.json()), stored.version());
    }

    /** Replaces the caller's preferences (the whole document) if the user is at {@code expectedVersion}, when given. */
    UserPreferences savePreferences(Caller caller, Preferences preferences, OptionalLong expectedVersion) {
        UUID id = caller.userId();
        OptionalLong saved = users.savePreferences(database, id, documents.toJson(preferences), expectedVersion,
                clock.instant());
        if (saved.isEmpty()) {
            throw whyNotSaved(caller, expectedVersion);
        }
        return new UserPreferences(id, preferences, saved.getAsLong());
    }

    /** After the conditional write matched nothing: no such user (404), deactivated (403), or it moved on (412). */
    private KinException whyNotSaved(Caller caller, OptionalLong expectedVersion) {
        long current = preferences(caller).version();
        return new PreconditionFailedError("users - preferences of user " + caller.userId() + " are at version "
                + current + ", not " + expectedVersion.orElse(-1) + "; reload them and retry");
    }

    private static void requireActive(boolean active, UUID id) {
        if (!active) {
            throw new ForbiddenError("users - user " + id + " is deactivated");
        }
    }
}
