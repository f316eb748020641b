package com.kin.users;

import com.kin.cache.CacheSource;
import com.kin.cache.Cached;
import com.kin.core.domain.Preferences;
import com.kin.core.domain.User;
import com.kin.core.domain.UserPreferences;
import com.kin.core.identity.Caller;
import com.kin.core.web.ETags;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.Put;
import io.micronaut.json.tree.JsonNode;

/**
 * The caller's own record and preferences. Both carry the user record's version as their ETag; a preferences write takes
 * {@code If-Match} with it and bumps it. Every route first asks {@link Sessions} for the caller's own record, so a
 * deactivated user is refused (403) before anything else is read or written.
 */
@Controller("/api/users/me")
class CurrentUserController {

    private final Sessions sessions;
    private final CurrentUserService currentUser;
    private final PreferencesInput input;

    CurrentUserController(Sessions sessions, CurrentUserService currentUser, PreferencesInput input) {
        this.sessions = sessions;
        this.currentUser = currentUser;
        this.input = input;
    }

    @Get
    HttpResponse<User> me(Caller caller) {
        Cached<User> me = sessions.ownRecord(caller);
        return HttpResponse.ok(me.value()).header(HttpHeaders.ETAG, ETags.of(me.value().version()))
                .header(CacheSource.HEADER, me.source().headerValue());
    }

    @Get("/preferences")
    HttpResponse<Preferences> preferences(Caller caller) {
        sessions.ownRecord(caller);
        Cached<UserPreferences> preferences = currentUser.preferences(caller);
        return withETag(preferences.value()).header(CacheSource.HEADER, preferences.source().headerValue());
    }

    @Put("/preferences")
    HttpResponse<Preferences> savePreferences(Caller caller, @Body JsonNode body,
                                              @Nullable @Header(HttpHeaders.IF_MATCH) String ifMatch) {
        sessions.ownRecord(caller);
        Preferences preferences = input.fromRequest(body);
        return withETag(currentUser.savePreferences(caller, preferences, ETags.expectedVersion(ifMatch)));
    }

    private static MutableHttpResponse<Preferences> withETag(UserPreferences preferences) {
        return HttpResponse.ok(preferences.preferences()).header(HttpHeaders.ETAG, ETags.of(preferences.version()));
    }
}
