package com.kin.observability;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Masks what must never reach a log line in full: phone numbers, secrets, tokens.
 *
 * <p>A masked phone keeps the country and area prefix and the last four digits, enough to tell two numbers apart
 * while reading an incident, not enough to call anyone.
 */
public final class Redact {

    /** Stands for the hidden part of a value. */
    public static final String MASK = "•••";
    /** Stands for a missing value, so a log line can tell "absent" from "masked". */
    public static final String NONE = "(none)";

    private static final int PHONE_PREFIX_DIGITS = 4;
    private static final int PHONE_SUFFIX_DIGITS = 4;
    private static final int SHORT_NUMBER_SUFFIX_DIGITS = 2;
    /** A standalone run of 8 to 15 digits, optionally after a '+': how E.164 numbers show up in free text. */
    private static final Pattern PHONE_IN_TEXT = Pattern.compile("(?<![\\w+])\\+?\\d{8,15}(?!\\w)");

    private Redact() {
    }

    /** {@code +14155550123} becomes {@code +1415•••0123}; short codes keep only their last two digits. */
    public static String phone(String phone) {
        if (phone == null || phone.isBlank()) {
            return NONE;
        }
        String digits = phone.replaceAll("\\D", "");
        String plus = phone.strip().startsWith("+") ? "+" : "";
        if (digits.length() < PHONE_PREFIX_DIGITS + PHONE_SUFFIX_DIGITS) {
            return MASK + lastChars(digits, SHORT_NUMBER_SUFFIX_DIGITS);
        }
        return plus + digits.substring(0, PHONE_PREFIX_DIGITS) + MASK + lastChars(digits, PHONE_SUFFIX_DIGITS);
    }

    /** Hides a secret, token or password entirely; only whether one was present survives. */
    public static String secret(String secret) {
        return secret == null || secret.isEmpty() ? NONE : MASK;
    }

    /** Masks every phone-number-looking run of digits inside free text, such as an upstream error message. */
    public static String phonesIn(String text) {
        if (text == null) {
            return null;
        }
        Matcher matcher = PHONE_IN_TEXT.matcher(text);
        StringBuilder masked = new StringBuilder(text.length());
        while (matcher.find()) {
            matcher.appendReplacement(masked, Matcher.quoteReplacement(phone(matcher.group())));
        }
        matcher.appendTail(masked);
        return masked.toString();
    }

    private static String lastChars(String value, int count) {
        return value.substring(Math.max(0, value.length() - count));
    }
}
