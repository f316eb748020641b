package com.kin.core.identity;

import java.util.Locale;
import java.util.Optional;

/** What a caller may see: its own records, its department's, or everything. */
public enum Role {
    AGENT, MANAGER, ADMIN;

    /** The role named by a claim value such as {@code agent}; empty for anything else. */
    public static Optional<Role> fromClaim(String value) {
        if (value == null) {
            return Optional.empty();
        }
        return switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "agent" -> Optional.of(AGENT);
            case "manager" -> Optional.of(MANAGER);
            case "admin" -> Optional.of(ADMIN);
            default -> Optional.empty();
        };
    }

    /** The lower-case name used in claims, the database and cache keys. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
