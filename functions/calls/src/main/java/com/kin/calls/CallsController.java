package com.kin.calls;

import com.kin.core.domain.Call;
import com.kin.core.domain.CallDetail;
import com.kin.core.identity.Caller;
import com.kin.core.page.Page;
import com.kin.core.validation.Ids;
import com.kin.core.web.ETags;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.RequestBean;

/**
 * The call history routes. Click-to-call ({@code POST /api/calls}) belongs with the Twilio voice work, not here.
 * <ul>
 *   <li>{@code GET /api/calls}: newest first, keyset paged; filters {@code direction}, {@code status}, {@code userId},
 *       {@code contactId}, {@code phone} (any notation, matched in E.164 as caller or callee), {@code from} / {@code to}
 *       (ISO-8601 instants on the call's creation time, from inclusive, to exclusive), {@code limit}, {@code cursor}.</li>
 *   <li>{@code GET /api/calls/{id}}: the call with its playable recording link and its voicemail, with an ETag.</li>
 * </ul>
 */
@Controller("/api/calls")
class CallsController {

    private final CallService calls;
    private final CallListInput input;

    CallsController(CallService calls, CallListInput input) {
        this.calls = calls;
        this.input = input;
    }

    @Get
    Page<Call> list(Caller caller, @RequestBean CallListQuery query) {
        CallListInput.CallList request = input.read(query);
        return calls.list(caller, request.filter(), request.page());
    }

    @Get("/{id}")
    HttpResponse<CallDetail> get(Caller caller, @PathVariable String id) {
        CallDetail detail = calls.get(caller, Ids.parse("id", id));
        return HttpResponse.ok(detail).header(HttpHeaders.ETAG, ETags.of(detail.call().version()));
    }
}
