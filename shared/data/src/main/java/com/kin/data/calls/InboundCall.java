package com.kin.data.calls;

import com.kin.core.domain.CallStatus;
import io.micronaut.core.annotation.Nullable;
import java.util.UUID;

/**
 * An inbound call as the voice webhook first sees it, with where the routing rule sent it.
 *
 * @param userId the user the call was routed to first (the contact's owner), if any
 */
public record InboundCall(String callSid, CallStatus status, String from, String to, @Nullable UUID userId,
                          @Nullable UUID contactId, @Nullable String department) {
}
