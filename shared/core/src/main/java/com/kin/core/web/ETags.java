package com.kin.core.web;

import com.kin.core.error.BadRequestError;
import java.util.OptionalLong;

/**
 * Entity tags for optimistic concurrency: the tag of a record is its version, quoted ({@code "7"}).
 */
public final class ETags {

    private ETags() {
    }

    public static String of(long version) {
        return "\"" + version + "\"";
    }

    /**
     * The version an {@code If-Match} header names; empty when the header is absent or {@code *} (no precondition on the
     * version). A malformed header is a 400, so a typo never turns into an unconditional write.
     */
    public static OptionalLong expectedVersion(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank() || ifMatch.trim().equals("*")) {
            return OptionalLong.empty();
        }
        String tag = ifMatch.trim();
        if (tag.startsWith("W/")) {
            tag = tag.substring(2);
        }
        if (tag.length() < 3 || tag.charAt(0) != '"' || tag.charAt(tag.length() - 1) != '"') {
            throw BadRequestError.field("If-Match", "must be one entity tag as returned in ETag, e.g. \"3\"");
        }
        try {
            return OptionalLong.of(Long.parseLong(tag.substring(1, tag.length() - 1)));
        } catch (NumberFormatException e) {
            throw BadRequestError.field("If-Match", "unknown entity tag " + tag);
        }
    }
}
