package com.kin.calls;

import com.kin.cache.Cached;
import com.kin.core.domain.Call;
import com.kin.core.domain.CallDetail;
import com.kin.core.error.NotFoundError;
import com.kin.core.identity.Caller;
import com.kin.core.page.Cursor;
import com.kin.core.page.Page;
import com.kin.core.page.PageRequest;
import com.kin.data.Database;
import com.kin.data.calls.CallFilter;
import com.kin.data.calls.CallRepository;
import jakarta.inject.Singleton;
import java.util.UUID;

/** Reads the call history within what the caller may see, through the cache; one statement per read on a miss. */
@Singleton
class CallService {

    private final Database database;
    private final CallRepository calls;
    private final CallCache cache;

    CallService(Database database, CallRepository calls, CallCache cache) {
        this.database = database;
        this.calls = calls;
        this.cache = cache;
    }

    Cached<Page<Call>> list(Caller caller, CallFilter filter, PageRequest page) {
        Cursor after = page.cursor() == null ? null : Cursor.decode(page.cursor(), CallRepository.SORT);
        return cache.page(caller, filter, page, () ->
                Page.of(calls.list(database, caller, filter, after, page.fetchSize()), page, CallRepository::cursorOf));
    }

    /** The call and its voicemail; the voicemail is left out when the caller may see the call but not the voicemail. */
    Cached<CallDetail> get(Caller caller, UUID id) {
        Cached<CachedCallDetail> detail = cache.detail(id, () -> calls.findDetail(database, id)
                .map(CachedCallDetail::of)
                .orElseThrow(() -> NotFoundError.of("calls", id)));
        if (!detail.value().visibleTo(caller)) {
            throw NotFoundError.of("calls", id);
        }
        return new Cached<>(detail.value().seenBy(caller), detail.source());
    }
}
