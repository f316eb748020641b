package com.kin.data.messages;

import io.micronaut.core.annotation.Nullable;
import java.util.Objects;

/** One Twilio message status callback: the message, its new status, and Twilio's error for a failed one. */
public record MessageStatusEvent(String messageSid, String status, @Nullable Integer errorCode,
                                 @Nullable String errorMessage) {

    public MessageStatusEvent {
        Objects.requireNonNull(messageSid, "messageSid");
        if (MessageStatusOrder.rank(status).isEmpty()) {
            throw new IllegalArgumentException("messages - '" + status + "' is not an outbound message status");
        }
    }
}
