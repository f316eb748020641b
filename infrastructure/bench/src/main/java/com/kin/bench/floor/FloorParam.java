package com.kin.bench.floor;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.UUID;

/**
 * One SQL parameter of a floor statement, taken from the request as the function takes it (path, claims, query string,
 * environment). The caller parameters copy the visibility SQL of an <em>agent</em> (com.kin.data.Visibility), which is
 * who the samples speak for; another role fails instead of silently running a different query than the function.
 */
@FunctionalInterface
public interface FloorParam {

    /**
     * SearchQuery's default group size (package-private in functions/search, so copied unchecked) and
     * SearchRepository.CANDIDATES (FloorDriftTest compares that one).
     */
    int SEARCH_DEFAULT_LIMIT = 5;
    int SEARCH_CANDIDATES = 50;

    Object value(FloorRequest request);

    static FloorParam pathId(String name) {
        return request -> UUID.fromString(request.pathParameter(name));
    }

    static FloorParam constant(Object value) {
        return request -> value;
    }

    /** The caller's user id (sub), for an agent caller. */
    static FloorParam agentId() {
        return request -> UUID.fromString(agentClaim(request, "sub"));
    }

    /** The caller's department, for an agent caller (its unassigned voicemail queue). */
    static FloorParam agentDepartment() {
        return request -> agentClaim(request, "department");
    }

    /** ?q= as SearchQuery normalises it: trimmed, spaces collapsed, lower case. */
    static FloorParam searchText() {
        return request -> normalised(request.query("q"));
    }

    /** SearchRepository's LIKE pattern over the normalised text, its own %, _ and \ escaped. */
    static FloorParam searchPattern() {
        return request -> "%" + normalised(request.query("q")).replace("\\", "\\\\").replace("%", "\\%")
                .replace("_", "\\_") + "%";
    }

    static FloorParam searchLimit() {
        return request -> {
            String limit = request.query("limit");
            return limit == null || limit.isBlank() ? SEARCH_DEFAULT_LIMIT : Integer.parseInt(limit.strip());
        };
    }

    /** Now minus the seconds the environment variable {@code name} gives (BULK_SMS_SENDING_STALE_SECONDS). */
    static FloorParam secondsAgo(String name) {
        return request -> OffsetDateTime.ofInstant(Instant.now().minusSeconds(Long.parseLong(request.env(name))),
                ZoneOffset.UTC);
    }

    private static String agentClaim(FloorRequest request, String claim) {
        String role = request.claim("role");
        if (!role.equals("agent")) {
            throw new IllegalArgumentException("floor - the floor copies an agent's visibility SQL; the caller is " + role);
        }
        return request.claim(claim);
    }

    private static String normalised(String q) {
        if (q == null) {
            throw new IllegalArgumentException("floor - the search event has no q parameter");
        }
        return q.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }
}
