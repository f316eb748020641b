package com.kin.core.domain;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.util.UUID;

/** A contact found by search, with its trigram similarity to the query ({@code score}, 0 to 1, higher is closer). */
@Serdeable
public record ContactMatch(
        UUID id,
        UUID ownerId,
        String firstName,
        @Nullable String lastName,
        @Nullable String organization,
        @Nullable String email,
        @Nullable String phone,
        @Nullable String mobilePhone,
        double score) {
}
