package com.kin.core.page;

import com.kin.core.error.BadRequestError;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;

/**
 * The position after the last row of a page, for keyset pagination: the sort value and id of that row, and the sort it
 * belongs to (a cursor from one sort is rejected by another). Opaque to clients: base64url of a small text record.
 */
public record Cursor(String sort, String value, UUID id) {

    private static final String VERSION = "k1";
    private static final char SEP = '\n';

    public String encode() {
        String raw = VERSION + SEP + sort + SEP + value + SEP + id;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    /** The cursor a client sent back; 400 when it was not made by {@link #encode()} for {@code expectedSort}. */
    public static Cursor decode(String encoded, String expectedSort) {
        String[] parts;
        try {
            parts = new String(Base64.getUrlDecoder().decode(encoded), StandardCharsets.UTF_8).split(String.valueOf(SEP), -1);
        } catch (IllegalArgumentException e) {
            throw BadRequestError.field("cursor", "not a cursor returned by this API");
        }
        if (parts.length != 4 || !parts[0].equals(VERSION)) {
            throw BadRequestError.field("cursor", "not a cursor returned by this API");
        }
        if (!parts[1].equals(expectedSort)) {
            throw BadRequestError.field("cursor", "belongs to sort '" + parts[1] + "', not '" + expectedSort + "'");
        }
        try {
            return new Cursor(parts[1], parts[2], UUID.fromString(parts[3]));
        } catch (IllegalArgumentException e) {
            throw BadRequestError.field("cursor", "not a cursor returned by this API");
        }
    }
}
