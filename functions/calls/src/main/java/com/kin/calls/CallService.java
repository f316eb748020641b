package com.kin.calls;

import com.kin.core.domain.Call;
import com.kin.core.domain.CallDetail;
import com.kin.core.error.NotFoundError;
import com.kin.core.identity.Caller;
import com.kin.core.page.Cursor;
import com.kin.core.page.Page;
import com.kin.core.page.PageRequest;
import com.kin.data.Database;
import com.kin.data.calls.CallDetailRow;
import com.kin.data.calls.CallFilter;
import com.kin.data.calls.CallRepository;
import jakarta.inject.Singleton;
import java.util.UUID;

/** Reads the call history within what the caller may see; one statement per read. */
@Singleton
class CallService {

    private final Database database;
    private final CallRepository calls;

    CallService(Database database, CallRepository calls) {
        this.database = database;
        this.calls = calls;
    }

    Page<Call> list(Caller caller, CallFilter filter, PageRequest page) {
        Cursor after = page.cursor() == null ? null : Cursor.decode(page.cursor(), CallRepository.SORT);
        return Page.of(calls.list(database, caller, filter, after, page.fetchSize()), page, CallRepository::cursorOf);
    }

    /** The call and its voicemail; the voicemail is left out when the caller may see the call but not the voicemail. */
    CallDetail get(Caller caller, UUID id) {
        CallDetailRow row = calls.findDetail(database, id)
                .filter(detail -> detail.call().visibleTo(caller))
                .orElseThrow(() -> NotFoundError.of("calls", id));
        boolean voicemailVisible = row.voicemail() != null && row.voicemail().visibleTo(caller);
        return new CallDetail(row.call().call(), voicemailVisible ? row.voicemail().voicemail() : null);
    }
}
