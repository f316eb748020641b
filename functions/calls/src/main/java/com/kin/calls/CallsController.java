package com.kin.calls;

import com.kin.cache.CacheSource;
import com.kin.cache.Cached;
import com.kin.core.domain.Call;
import com.kin.core.domain.CallDetail;
import com.kin.core.identity.Caller;
import com.kin.core.page.Page;
import com.kin.core.validation.Ids;
import com.kin.core.validation.PhoneNumbers;
import com.kin.core.web.ETags;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.RequestBean;
import io.micronaut.json.tree.JsonNode;
import java.net.URI;

/**
 * The call routes. Every GET answers through the cache and says how in {@code x-cache} ({@code l1}, {@code l2},
 * {@code miss}).
 * <ul>
 *   <li>{@code GET /api/calls}: newest first, keyset paged; filters {@code direction}, {@code status}, {@code userId},
 *       {@code contactId}, {@code phone} (any notation, matched in E.164 as caller or callee), {@code from} / {@code to}
 *       (ISO-8601 instants on the call's creation time, from inclusive, to exclusive), {@code limit}, {@code cursor}.</li>
 *   <li>{@code GET /api/calls/{id}}: the call with its playable recording link and its voicemail, with an ETag.</li>
 *   <li>{@code POST /api/calls}: click-to-call ({@link ClickToCallService}); 201 with the call.</li>
 * </ul>
 */
@Controller("/api/calls")
class CallsController {

    private final CallService calls;
    private final ClickToCallService clickToCall;
    private final CallListInput input;
    private final PhoneNumbers phones;

    CallsController(CallService calls, ClickToCallService clickToCall, CallListInput input, PhoneNumbers phones) {
        this.calls = calls;
        this.clickToCall = clickToCall;
        this.input = input;
        this.phones = phones;
    }

    @Get
    HttpResponse<Page<Call>> list(Caller caller, @RequestBean CallListQuery query) {
        CallListInput.CallList request = input.read(query);
        return withCacheSource(calls.list(caller, request.filter(), request.page()));
    }

    @Get("/{id}")
    HttpResponse<CallDetail> get(Caller caller, @PathVariable String id) {
        Cached<CallDetail> detail = calls.get(caller, Ids.parse("id", id));
        return withCacheSource(detail).header(HttpHeaders.ETAG, ETags.of(detail.value().call().version()));
    }

    @Post
    HttpResponse<Call> create(Caller caller, @Body JsonNode body) {
        Call placed = clickToCall.place(caller, ClickToCallRequest.parse(body, phones));
        return HttpResponse.created(placed, URI.create("/api/calls/" + placed.id()))
                .header(HttpHeaders.ETAG, ETags.of(placed.version()));
    }

    private static <T> MutableHttpResponse<T> withCacheSource(Cached<T> cached) {
        return HttpResponse.ok(cached.value()).header(CacheSource.HEADER, cached.source().headerValue());
    }
}
