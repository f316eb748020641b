package com.kin.users;

import com.kin.cache.CacheSource;
import com.kin.cache.Cached;
import com.kin.core.domain.User;
import com.kin.core.identity.Caller;
import com.kin.core.page.Page;
import com.kin.core.page.PageRequest;
import com.kin.core.validation.Ids;
import com.kin.core.web.ETags;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.Patch;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.json.tree.JsonNode;
import java.net.URI;

/**
 * User administration routes: list (admins, and managers for their department), read, create, change, deactivate. Every
 * route first has {@link Sessions} check that the caller is an active user (403 otherwise), then reads its input.
 * {@code POST} honours {@code Idempotency-Key} (the idempotency filter of kin-idempotency).
 */
@Controller("/api/users")
class UsersController {

    private final Sessions sessions;
    private final UserAdminService users;
    private final UserInput input;

    UsersController(Sessions sessions, UserAdminService users, UserInput input) {
        this.sessions = sessions;
        this.users = users;
        this.input = input;
    }

    @Get
    HttpResponse<Page<User>> list(Caller caller, @Nullable @QueryValue String role,
                                  @Nullable @QueryValue String department, @Nullable @QueryValue String active,
                                  @Nullable @QueryValue String limit, @Nullable @QueryValue String cursor) {
        sessions.requireActive(caller);
        UserListQuery query = UserListQuery.parse(role, department, active, limit);
        return withCacheSource(users.list(caller, query.filter(), PageRequest.of(query.limit(), cursor)));
    }

    @Get("/{id}")
    HttpResponse<User> get(Caller caller, @PathVariable String id) {
        sessions.requireActive(caller);
        return withETag(withCacheSource(users.get(caller, Ids.parse("id", id))));
    }

    @Post
    HttpResponse<User> create(Caller caller, @Body JsonNode body) {
        sessions.requireActive(caller);
        User created = users.create(caller, input.forCreate(body));
        return withETag(HttpResponse.created(created, URI.create("/api/users/" + created.id())));
    }

    @Patch("/{id}")
    HttpResponse<User> update(Caller caller, @PathVariable String id, @Body JsonNode body,
                              @Nullable @Header(HttpHeaders.IF_MATCH) String ifMatch) {
        sessions.requireActive(caller);
        User updated = users.update(caller, Ids.parse("id", id), input.forUpdate(body), ETags.expectedVersion(ifMatch));
        return withETag(HttpResponse.ok(updated));
    }

    private static <T> MutableHttpResponse<T> withCacheSource(Cached<T> cached) {
        return HttpResponse.ok(cached.value()).header(CacheSource.HEADER, cached.source().headerValue());
    }

    private static MutableHttpResponse<User> withETag(MutableHttpResponse<User> response) {
        response.getBody().ifPresent(user -> response.header(HttpHeaders.ETAG, ETags.of(user.version())));
        return response;
    }
}
