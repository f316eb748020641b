package com.kin.data.messages;

import io.micronaut.core.annotation.Nullable;
import java.util.Objects;
import java.util.UUID;

/**
 * An SMS a user is about to send, as it is stored before Twilio is asked.
 *
 * @param from the E.164 number it is sent from, or the Messaging Service SID ({@code MG...}) that picks the number
 */
public record OutboundMessage(String body, String from, String to, UUID userId, @Nullable UUID contactId,
                              @Nullable UUID templateId) {

    public OutboundMessage {
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(userId, "userId");
    }
}
