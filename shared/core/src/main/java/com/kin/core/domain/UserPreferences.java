package com.kin.core.domain;

import io.micronaut.serde.annotation.Serdeable;
import java.util.UUID;

/**
 * A user's preferences with the version of the user record they were read at, which is their entity tag: a preferences
 * write bumps {@code users.version}, and {@code If-Match} on a preferences write names it.
 */
@Serdeable
public record UserPreferences(UUID userId, Preferences preferences, long version) {
}
