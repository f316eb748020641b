package com.kin.core.domain;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.util.UUID;

/** Enough of a contact to label a list row (a conversation): who it is, how to reach it, whether it may be texted. */
@Serdeable
public record ContactSummary(
        UUID id,
        UUID ownerId,
        String firstName,
        String lastName,
        @Nullable String organization,
        @Nullable String phone,
        @Nullable String mobilePhone,
        boolean smsOptOut) {
}
