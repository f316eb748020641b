package com.kin.data.routing;

import io.micronaut.core.annotation.Nullable;
import java.util.UUID;

/**
 * A user a call or message can be routed to: who, the Twilio Client identity its browser/app registers with (what a
 * {@code <Dial><Client>} rings), and its TaskRouter worker SID (what a workflow can target).
 */
public record Agent(UUID id, @Nullable String clientIdentity, @Nullable String workerSid) {

    /** Whether a {@code <Dial>} can ring this user. */
    public boolean dialable() {
        return clientIdentity != null && !clientIdentity.isBlank();
    }
}
