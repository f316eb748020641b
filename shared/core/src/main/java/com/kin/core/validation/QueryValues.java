package com.kin.core.validation;

import com.kin.core.page.PageRequest;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.UUID;

/**
 * Reads list query parameters (always received as text) into values, adding a clear problem to {@link FieldErrors} for
 * each bad one so a client sees every mistake at once. An absent or blank parameter is null.
 */
public final class QueryValues {

    private QueryValues() {
    }

    /** An ISO-8601 instant with an offset, e.g. {@code 2026-11-24T06:00:00Z}. */
    public static Instant instant(String name, String value, FieldErrors errors) {
        if (isAbsent(value)) {
            return null;
        }
        try {
            return Instant.parse(value.strip());
        } catch (DateTimeParseException e) {
            errors.add(name, "must be an ISO-8601 instant with a time zone, e.g. 2026-11-24T06:00:00Z");
            return null;
        }
    }

    /** Checks that a time range is not empty or reversed: {@code from} (inclusive) before {@code to} (exclusive). */
    public static void range(Instant from, Instant to, FieldErrors errors) {
        if (from != null && to != null && !from.isBefore(to)) {
            errors.add("to", "must be after from");
        }
    }

    /** {@code true} or {@code false}. */
    public static Boolean bool(String name, String value, FieldErrors errors) {
        if (isAbsent(value)) {
            return null;
        }
        return switch (value.strip()) {
            case "true" -> Boolean.TRUE;
            case "false" -> Boolean.FALSE;
            default -> {
                errors.add(name, "must be true or false");
                yield null;
            }
        };
    }

    public static UUID uuid(String name, String value, FieldErrors errors) {
        if (isAbsent(value)) {
            return null;
        }
        if (!Ids.isUuid(value.strip())) {
            errors.add(name, "must be a UUID");
            return null;
        }
        return UUID.fromString(value.strip());
    }

    /** A page size from 1 to {@link PageRequest#MAX_LIMIT}. */
    public static Integer limit(String value, FieldErrors errors) {
        if (isAbsent(value)) {
            return null;
        }
        try {
            int limit = Integer.parseInt(value.strip());
            if (limit >= 1 && limit <= PageRequest.MAX_LIMIT) {
                return limit;
            }
        } catch (NumberFormatException e) {
            // reported below, like an out-of-range number
        }
        errors.add("limit", "must be a whole number between 1 and " + PageRequest.MAX_LIMIT);
        return null;
    }

    public static boolean isAbsent(String value) {
        return value == null || value.isBlank();
    }
}
