package com.kin.users;

import com.kin.core.domain.Preferences;
import com.kin.core.domain.User;
import com.kin.core.domain.UserPreferences;
import com.kin.core.identity.Caller;
import com.kin.core.web.ETags;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.Put;
import io.micronaut.json.tree.JsonNode;

/**
 * The caller's own record and preferences. Both carry the user record's version as their ETag; a preferences write takes
 * {@code If-Match} with it and bumps it.
 */
@Controller("/api/users/me")
class CurrentUserController {

    private final CurrentUserService session;
    private final PreferencesInput input;

    CurrentUserController(CurrentUserService session, PreferencesInput input) {
        this.session = session;
        this.input = input;
    }

    @Get
    HttpResponse<User> me(Caller caller) {
        User user = session.me(caller);
        return HttpResponse.ok(user).header(HttpHeaders.ETAG, ETags.of(user.version()));
    }

    @Get("/preferences")
    HttpResponse<Preferences> preferences(Caller caller) {
        return withETag(session.preferences(caller));
    }

    @Put("/preferences")
    HttpResponse<Preferences> savePreferences(Caller caller, @Body JsonNode body,
                                              @Nullable @Header(HttpHeaders.IF_MATCH) String ifMatch) {
        Preferences preferences = input.fromRequest(body);
        return withETag(session.savePreferences(caller, preferences, ETags.expectedVersion(ifMatch)));
    }

    private static HttpResponse<Preferences> withETag(UserPreferences preferences) {
        return HttpResponse.ok(preferences.preferences()).header(HttpHeaders.ETAG, ETags.of(preferences.version()));
    }
}
