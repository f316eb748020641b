package com.kin.voicemails;

import com.kin.core.domain.VoicemailPriority;
import com.kin.core.identity.Caller;
import com.kin.core.page.PageRequest;
import com.kin.core.validation.FieldErrors;
import com.kin.core.validation.QueryValues;
import com.kin.data.voicemails.VoicemailFilter;
import com.kin.data.voicemails.VoicemailQueue;
import com.kin.data.voicemails.VoicemailSort;
import java.time.Instant;

/** Turns the voicemail list's query parameters into a filter, a sort and a page, reporting every bad parameter in one 400. */
final class VoicemailListInput {

    private VoicemailListInput() {
    }

    static VoicemailList read(VoicemailListQuery query, Caller caller) {
        FieldErrors errors = new FieldErrors("voicemails");
        Boolean unread = QueryValues.bool("unread", query.unread(), errors);
        VoicemailPriority priority = QueryValues.isAbsent(query.priority()) ? null
                : VoicemailPriority.fromWire(query.priority().strip()).orElseGet(() -> {
                    errors.add("priority", "must be low, normal, high or urgent");
                    return null;
                });
        Instant from = QueryValues.instant("from", query.from(), errors);
        Instant to = QueryValues.instant("to", query.to(), errors);
        QueryValues.range(from, to, errors);
        Integer limit = QueryValues.limit(query.limit(), errors);
        errors.throwIfAny();
        VoicemailQueue queue = VoicemailQueue.parse(query.queue(), caller);
        return new VoicemailList(new VoicemailFilter(queue, unread, priority, from, to), VoicemailSort.parse(query.sort()),
                PageRequest.of(limit, query.cursor()));
    }

    /** A checked list request. */
    record VoicemailList(VoicemailFilter filter, VoicemailSort sort, PageRequest page) {
    }
}
