package com.kin.messages;

import com.kin.core.domain.BulkResult;
import com.kin.core.domain.Conversation;
import com.kin.core.domain.Message;
import com.kin.core.identity.Caller;
import com.kin.core.page.Page;
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

/** The message reading routes of the HTTP API: conversations, threads, single messages, read state and bulk actions. */
@Controller("/api/messages")
class MessagesController {

    private final MessageService messages;
    private final MessageBulkService bulk;

    MessagesController(MessageService messages, MessageBulkService bulk) {
        this.messages = messages;
        this.bulk = bulk;
    }

    @Get("/conversations")
    Page<Conversation> conversations(Caller caller, @Nullable @QueryValue String limit, @Nullable @QueryValue String cursor) {
        return messages.conversations(caller, PageParams.of(limit, cursor));
    }

    @Get("/thread/{contactId}")
    Page<Message> thread(Caller caller, @PathVariable String contactId, @Nullable @QueryValue String limit,
                         @Nullable @QueryValue String cursor) {
        return messages.thread(caller, Ids.parse("contactId", contactId), PageParams.of(limit, cursor));
    }

    @Get("/{id}")
    HttpResponse<Message> get(Caller caller, @PathVariable String id) {
        return withETag(HttpResponse.ok(messages.get(caller, Ids.parse("id", id))));
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

    private static MutableHttpResponse<Message> withETag(MutableHttpResponse<Message> response) {
        response.getBody().ifPresent(message -> response.header(HttpHeaders.ETAG, ETags.of(message.version())));
        return response;
    }
}
