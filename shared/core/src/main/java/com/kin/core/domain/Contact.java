package com.kin.core.domain;

import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A person or business in the address book, owned by one user. Phones are E.164; tags are lower-case slugs. */
@Serdeable
public record Contact(
        UUID id,
        UUID ownerId,
        String firstName,
        String lastName,
        String organization,
        String phone,
        String mobilePhone,
        String email,
        List<String> tags,
        boolean smsOptOut,
        Instant smsOptOutAt,
        String notes,
        Instant createdAt,
        Instant updatedAt,
        long version) {
}
