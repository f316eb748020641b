package com.kin.data.calls;

import com.kin.core.domain.CallStatus;
import io.micronaut.core.annotation.Nullable;
import java.util.Objects;
import java.util.UUID;

/**
 * A call Twilio accepted for a click-to-call, as the API records it: the leg Twilio places first, from KIN's number to the
 * agent ({@code to} is the agent's phone or {@code client:<identity>}), exactly as Twilio's status callbacks for
 * {@code callSid} describe it.
 *
 * @param contactId  the contact the agent is connected to once they answer, null for a number of no visible contact
 * @param department the placing agent's department
 */
public record OutboundCall(String callSid, CallStatus status, String from, String to, UUID userId,
                           @Nullable UUID contactId, @Nullable String department) {

    public OutboundCall {
        Objects.requireNonNull(callSid, "callSid");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(userId, "userId");
    }
}
