package com.kin.data.calls;

import com.kin.core.domain.Call;
import com.kin.core.identity.CallPlacement;
import com.kin.core.identity.Caller;

/** A call with its user's department, which with the call's own department decides who may see it. */
public record CallRow(Call call, String userDepartment) {

    /** Whether {@code caller} may see this call ({@link Caller#canAccessRecord}). */
    public boolean visibleTo(Caller caller) {
        return caller.canAccessRecord(call.userId(), userDepartment, call.department());
    }

    /** Where the call sits for visibility, for the cache tags a write of it invalidates. */
    public CallPlacement placement() {
        return new CallPlacement(call.id(), call.userId(), userDepartment, call.department());
    }
}
