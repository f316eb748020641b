package com.kin.data.messages;

import io.micronaut.core.annotation.Nullable;
import java.util.UUID;

/**
 * An SMS/MMS someone sent to one of our numbers.
 *
 * @param userId    the user it is routed to (the contact's owner), null when no one could be
 * @param contactId the contact it was matched to or created for, null when there is none
 */
public record InboundMessage(String messageSid, String from, String to, String body, @Nullable UUID userId,
                             @Nullable UUID contactId) {
}
