package com.kin.messages;

import com.kin.cache.CacheSource;
import com.kin.cache.Cached;
import com.kin.core.domain.BulkResult;
import com.kin.core.domain.Conversation;
import com.kin.core.domain.Message;
import com.kin.core.identity.Caller;
import com.kin.core.page.Page;
import com.kin.core.validation.Ids;
import com.kin.core.validation.PhoneNumbers;
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
 * The message routes of the HTTP API: send an SMS, conversations, threads, single messages, read state and bulk actions.
 * Every GET answers through the cache and says how in {@code x-cache} ({@code l1}, {@code l2}, {@code miss}).
 */
@Controller("/api/messages")
class MessagesController {

    private final MessageService messages;
    private final MessageBulkService bulk;
    private final MessageSender sender;
    private final PhoneNumbers phones;

    MessagesController(MessageService messages, MessageBulkService bulk, MessageSender sender, PhoneNumbers phones) {
        this.messages = messages;
        this.bulk = bulk;
        this.sender = sender;
        this.phones = phones;
    }

    @Post
    HttpResponse<Message> send(Caller caller, @Body JsonNode body) {
        Message sent = sender.send(caller, SendRequest.parse(body, phones));
        return withETag(HttpResponse.created(sent, URI.create("/api/messages/" + sent.id())));
    }

    @Get("/conversations")
    HttpResponse<Page<Conversation>> conversations(Caller caller, @Nullable @QueryValue String limit,
                                                   @Nullable @QueryValue String cursor) {
        return withCacheSource(messages.conversations(caller, PageParams.of(limit, cursor)));
    }

    @Get("/thread/{contactId}")
    HttpResponse<Page<Message>> thread(Caller caller, @PathVariable String contactId, @Nullable @QueryValue String limit,
                                       @Nullable @QueryValue String cursor) {
        return withCacheSource(messages.thread(caller, Ids.parse("contactId", contactId), PageParams.of(limit, cursor)));
    }

    @Get("/{id}")
    HttpResponse<Message> get(Caller caller, @PathVariable String id) {
        return withETag(withCacheSource(messages.get(caller, Ids.parse("id", id))));
    }

    @Patch("/{id}")
    HttpResponse<Message> update(Caller caller, @PathVariable String id, @Body JsonNode body,
                                 @Nullable @Header(HttpHeaders.IF_MATCH) String ifMatch) {
        Message updated = messages.setRead(caller, Ids.parse("id", id), ReadChange.parse(body),
                ETags.expectedVersion(ifMatch));
        return withETag(HttpResponse.ok(updated));
    }

    @Post("/actions")
    BulkResult bulk(Caller caller, @Body JsonNode body) {
        return bulk.run(caller, MessageBulkCommand.parse(body));
    }

    private static <T> MutableHttpResponse<T> withCacheSource(Cached<T> cached) {
        return HttpResponse.ok(cached.value()).header(CacheSource.HEADER, cached.source().headerValue());
    }

    private static MutableHttpResponse<Message> withETag(MutableHttpResponse<Message> response) {
        response.getBody().ifPresent(message -> response.header(HttpHeaders.ETAG, ETags.of(message.version())));
        return response;
    }
}
