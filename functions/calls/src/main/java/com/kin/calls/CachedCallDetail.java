package com.kin.calls;

import com.kin.core.domain.Call;
import com.kin.core.domain.CallDetail;
import com.kin.core.domain.Voicemail;
import com.kin.core.identity.Caller;
import com.kin.data.calls.CallDetailRow;
import com.kin.data.calls.CallRow;
import com.kin.data.voicemails.VoicemailRow;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/**
 * A call's detail as cached, the same for every caller: the call and its voicemail, each with the department that decides
 * who may see it, so visibility is checked against each caller after the read.
 */
@Serdeable
record CachedCallDetail(Call call, @Nullable String userDepartment, @Nullable Voicemail voicemail,
                        @Nullable String voicemailAssigneeDepartment) {

    static CachedCallDetail of(CallDetailRow row) {
        VoicemailRow voicemail = row.voicemail();
        return new CachedCallDetail(row.call().call(), row.call().userDepartment(),
                voicemail == null ? null : voicemail.voicemail(),
                voicemail == null ? null : voicemail.assigneeDepartment());
    }

    boolean visibleTo(Caller caller) {
        return new CallRow(call, userDepartment).visibleTo(caller);
    }

    /** The detail as {@code caller} sees it: the voicemail is left out when the caller may see the call but not it. */
    CallDetail seenBy(Caller caller) {
        boolean voicemailVisible = voicemail != null
                && new VoicemailRow(voicemail, voicemailAssigneeDepartment).visibleTo(caller);
        return new CallDetail(call, voicemailVisible ? voicemail : null);
    }
}
