package com.kin.core.domain;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A reusable SMS body shared by everyone. {@code variables} are the names of the body's {@code {{name}}} placeholders in
 * order of first appearance (see {@code com.kin.core.template.TemplateRenderer}); the names are unique.
 */
@Serdeable
public record MessageTemplate(
        UUID id,
        String name,
        String body,
        List<String> variables,
        @Nullable UUID createdBy,
        Instant createdAt,
        Instant updatedAt,
        long version) {
}
