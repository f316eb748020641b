package com.kin.voicemails;

import com.kin.cache.CacheSource;
import com.kin.cache.Cached;
import com.kin.core.domain.BulkResult;
import com.kin.core.domain.Voicemail;
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
import io.micronaut.http.annotation.RequestBean;
import io.micronaut.json.tree.JsonNode;
import java.util.UUID;

/**
 * The voicemail queue routes.
 * <ul>
 *   <li>{@code GET /api/voicemails}: {@code queue} = mine | department | unassigned | all (all: managers and admins; the
 *       default is mine for agents, all for others), {@code unread} = true | false, {@code priority}, {@code from} /
 *       {@code to} (ISO-8601 instants on the creation time), {@code sort} = newest (default) | priority (urgent first),
 *       {@code limit}, {@code cursor}.</li>
 *   <li>{@code GET /api/voicemails/{id}}: with transcription, playable recording link and ETag.</li>
 *   <li>{@code PATCH /api/voicemails/{id}}: {@code read}, {@code priority}, {@code assignedToId}; {@code If-Match}.</li>
 *   <li>{@code POST /api/voicemails/bulk}: markRead, markUnread, assign, delete for up to 500 ids, per-id results;
 *       {@code Idempotency-Key} makes a retry replay the first answer.</li>
 * </ul>
 * Reads answer {@code x-cache: l1 | l2 | miss}.
 */
@Controller("/api/voicemails")
class VoicemailsController {

    private final VoicemailService voicemails;
    private final VoicemailBulkService bulk;

    VoicemailsController(VoicemailService voicemails, VoicemailBulkService bulk) {
        this.voicemails = voicemails;
        this.bulk = bulk;
    }

    @Get
    HttpResponse<Page<Voicemail>> list(Caller caller, @RequestBean VoicemailListQuery query) {
        VoicemailListInput.VoicemailList request = VoicemailListInput.read(query, caller);
        return withCacheSource(voicemails.list(caller, request.filter(), request.sort(), request.page()));
    }

    @Get("/{id}")
    HttpResponse<Voicemail> get(Caller caller, @PathVariable String id) {
        Cached<Voicemail> cached = voicemails.get(caller, Ids.parse("id", id));
        return withCacheSource(cached).header(HttpHeaders.ETAG, ETags.of(cached.value().version()));
    }

    @Patch("/{id}")
    HttpResponse<Voicemail> update(Caller caller, @PathVariable String id, @Body JsonNode body,
                                   @Nullable @Header(HttpHeaders.IF_MATCH) String ifMatch) {
        UUID voicemailId = Ids.parse("id", id);
        return withETag(voicemails.update(caller, voicemailId, VoicemailInput.forUpdate(body), ETags.expectedVersion(ifMatch)));
    }

    @Post("/bulk")
    BulkResult bulk(Caller caller, @Body JsonNode body) {
        return bulk.run(caller, BulkCommand.parse(body));
    }

    private static <T> MutableHttpResponse<T> withCacheSource(Cached<T> cached) {
        return HttpResponse.ok(cached.value()).header(CacheSource.HEADER, cached.source().headerValue());
    }

    private static HttpResponse<Voicemail> withETag(Voicemail voicemail) {
        return HttpResponse.ok(voicemail).header(HttpHeaders.ETAG, ETags.of(voicemail.version()));
    }
}
