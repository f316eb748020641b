package com.kin.core.validation;

import com.kin.core.error.BadRequestError;
import java.util.UUID;
import java.util.regex.Pattern;

/** Parses ids from paths, query strings and bodies, answering 400 (not 500, not 404) for anything that is not a UUID. */
public final class Ids {

    private static final Pattern UUID_TEXT =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private Ids() {
    }

    public static UUID parse(String field, String value) {
        if (value == null || !UUID_TEXT.matcher(value).matches()) {
            throw BadRequestError.field(field, "must be a UUID");
        }
        return UUID.fromString(value);
    }

    public static boolean isUuid(String value) {
        return value != null && UUID_TEXT.matcher(value).matches();
    }
}
