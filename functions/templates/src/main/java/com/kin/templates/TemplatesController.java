package com.kin.templates;

import com.kin.cache.CacheSource;
import com.kin.cache.Cached;
import com.kin.core.domain.MessageTemplate;
import com.kin.core.error.BadRequestError;
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
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.Patch;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.json.tree.JsonNode;
import java.net.URI;

/**
 * The message template routes of the HTTP API. Every route takes the {@link Caller}, so none answers without verified
 * claims (401); reads are open to every role and answer {@code x-cache: l1 | l2 | miss}, writes are for managers and
 * admins ({@link TemplateService}), and {@code Idempotency-Key} makes a retried create replay the first answer.
 */
@Controller("/api/templates")
class TemplatesController {

    private final TemplateService templates;

    TemplatesController(TemplateService templates) {
        this.templates = templates;
    }

    @Get
    HttpResponse<Page<MessageTemplate>> list(Caller caller, @Nullable @QueryValue String limit,
                                             @Nullable @QueryValue String cursor) {
        return withCacheSource(templates.list(PageRequest.of(limit(limit), cursor)));
    }

    @Get("/{id}")
    HttpResponse<MessageTemplate> get(Caller caller, @PathVariable String id) {
        return withETag(withCacheSource(templates.get(Ids.parse("id", id))));
    }

    @Post
    HttpResponse<MessageTemplate> create(Caller caller, @Body JsonNode body) {
        MessageTemplate created = templates.create(caller, body);
        return withETag(HttpResponse.created(created, URI.create("/api/templates/" + created.id())));
    }

    @Patch("/{id}")
    HttpResponse<MessageTemplate> update(Caller caller, @PathVariable String id, @Body JsonNode body,
                                         @Nullable @Header(HttpHeaders.IF_MATCH) String ifMatch) {
        return withETag(HttpResponse.ok(templates.update(caller, Ids.parse("id", id), body, ETags.expectedVersion(ifMatch))));
    }

    @Delete("/{id}")
    HttpResponse<Void> delete(Caller caller, @PathVariable String id,
                              @Nullable @Header(HttpHeaders.IF_MATCH) String ifMatch) {
        templates.delete(caller, Ids.parse("id", id), ETags.expectedVersion(ifMatch));
        return HttpResponse.noContent();
    }

    private static <T> MutableHttpResponse<T> withCacheSource(Cached<T> cached) {
        return HttpResponse.ok(cached.value()).header(CacheSource.HEADER, cached.source().headerValue());
    }

    private static MutableHttpResponse<MessageTemplate> withETag(MutableHttpResponse<MessageTemplate> response) {
        response.getBody().ifPresent(template -> response.header(HttpHeaders.ETAG, ETags.of(template.version())));
        return response;
    }

    private static Integer limit(String limit) {
        if (limit == null || limit.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(limit.strip());
        } catch (NumberFormatException e) {
            throw BadRequestError.field("limit", "must be a whole number between 1 and " + PageRequest.MAX_LIMIT);
        }
    }
}
