package com.kin.local.services.twilio;

import java.util.UUID;
import java.util.regex.Pattern;

/** Twilio's resource identifiers: a two-letter type prefix (SM, CA, AC, MG) and 32 lowercase hex digits. */
final class TwilioSids {

    private static final Pattern SID = Pattern.compile("^[A-Z]{2}[0-9a-f]{32}$");

    private TwilioSids() {
    }

    /** A new identifier with {@code prefix}; 122 random bits, as unique as Twilio's own for local purposes. */
    static String next(String prefix) {
        if (prefix.length() != 2) {
            throw new IllegalArgumentException("twilio stand-in - a SID prefix has two letters, got '" + prefix + "'");
        }
        return prefix + UUID.randomUUID().toString().replace("-", "");
    }

    /** Whether {@code value} is a SID of the type {@code prefix}. */
    static boolean isSid(String prefix, String value) {
        return value != null && value.startsWith(prefix) && SID.matcher(value).matches();
    }
}
