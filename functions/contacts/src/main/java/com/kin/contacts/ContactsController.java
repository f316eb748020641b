package com.kin.contacts;

import com.kin.cache.CacheSource;
import com.kin.cache.Cached;
import com.kin.core.domain.BulkResult;
import com.kin.core.domain.Contact;
import com.kin.core.error.BadRequestError;
import com.kin.core.identity.Caller;
import com.kin.core.page.Page;
import com.kin.core.page.PageRequest;
import com.kin.core.validation.Ids;
import com.kin.core.validation.Tags;
import com.kin.core.web.ETags;
import com.kin.data.contacts.ContactFilter;
import com.kin.data.contacts.ContactSort;
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
import java.util.Locale;

/** The contacts routes of the HTTP API. */
@Controller("/api/contacts")
class ContactsController {

    private static final int MIN_SEARCH = 3;
    private static final int MAX_SEARCH = 100;

    private final ContactService contacts;
    private final ContactBulkService bulk;
    private final ContactInput input;

    ContactsController(ContactService contacts, ContactBulkService bulk, ContactInput input) {
        this.contacts = contacts;
        this.bulk = bulk;
        this.input = input;
    }

    @Get
    HttpResponse<Page<Contact>> list(Caller caller, @Nullable @QueryValue String q, @Nullable @QueryValue String tag,
                       @Nullable @QueryValue String owner, @Nullable @QueryValue String sort,
                       @Nullable @QueryValue String limit, @Nullable @QueryValue String cursor) {
        ContactFilter filter = new ContactFilter(searchText(q), tag(tag), owner == null ? null : Ids.parse("owner", owner));
        return withCacheSource(contacts.list(caller, filter, ContactSort.parse(sort), PageRequest.of(limit(limit), cursor)));
    }

    @Get("/{id}")
    HttpResponse<Contact> get(Caller caller, @PathVariable String id) {
        return withETag(withCacheSource(contacts.get(caller, Ids.parse("id", id))));
    }

    @Post
    HttpResponse<Contact> create(Caller caller, @Body JsonNode body) {
        Contact created = contacts.create(caller, input.forCreate(body));
        return withETag(HttpResponse.created(created, URI.create("/api/contacts/" + created.id())));
    }

    @Patch("/{id}")
    HttpResponse<Contact> update(Caller caller, @PathVariable String id, @Body JsonNode body,
                                 @Nullable @Header(HttpHeaders.IF_MATCH) String ifMatch) {
        Contact updated = contacts.update(caller, Ids.parse("id", id), input.forUpdate(body), ETags.expectedVersion(ifMatch));
        return withETag(HttpResponse.ok(updated));
    }

    @Delete("/{id}")
    HttpResponse<Void> delete(Caller caller, @PathVariable String id,
                              @Nullable @Header(HttpHeaders.IF_MATCH) String ifMatch) {
        contacts.delete(caller, Ids.parse("id", id), ETags.expectedVersion(ifMatch));
        return HttpResponse.noContent();
    }

    @Post("/bulk")
    BulkResult bulk(Caller caller, @Body JsonNode body) {
        return bulk.run(caller, BulkCommand.parse(body));
    }

    private static <T> MutableHttpResponse<T> withCacheSource(Cached<T> cached) {
        return HttpResponse.ok(cached.value()).header(CacheSource.HEADER, cached.source().headerValue());
    }

    private static MutableHttpResponse<Contact> withETag(MutableHttpResponse<Contact> response) {
        response.getBody().ifPresent(contact -> response.header(HttpHeaders.ETAG, ETags.of(contact.version())));
        return response;
    }

    private static String searchText(String q) {
        if (q == null || q.isBlank()) {
            return null;
        }
        String text = q.strip();
        if (text.length() < MIN_SEARCH || text.length() > MAX_SEARCH) {
            throw BadRequestError.field("q", "must be " + MIN_SEARCH + " to " + MAX_SEARCH + " characters");
        }
        return text;
    }

    private static String tag(String tag) {
        if (tag == null || tag.isBlank()) {
            return null;
        }
        String normalised = tag.strip().toLowerCase(Locale.ROOT);
        if (!Tags.isValid(normalised)) {
            throw BadRequestError.field("tag", "'" + tag + "' is not a tag");
        }
        return normalised;
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
