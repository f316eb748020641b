package com.kin.data.calls;

import com.kin.core.domain.CallDirection;
import com.kin.core.domain.CallStatus;
import java.time.Instant;
import java.util.UUID;

/**
 * What a call history is narrowed to: direction, status, the user who handled the call, the contact, a phone number in
 * E.164 (matched as caller or callee), and a creation time range ({@code from} inclusive, {@code to} exclusive). Any of
 * them may be null.
 */
public record CallFilter(CallDirection direction, CallStatus status, UUID userId, UUID contactId, String phone,
                         Instant from, Instant to) {

    public static CallFilter none() {
        return new CallFilter(null, null, null, null, null, null, null);
    }
}
