package com.kin.search;

import com.kin.core.validation.FieldErrors;
import java.util.Locale;

/**
 * A validated search: the text ({@value #MIN_TEXT}-{@value #MAX_TEXT} characters) and the size of each result group
 * ({@value #MIN_LIMIT}-{@value #MAX_LIMIT}, default {@value #DEFAULT_LIMIT}). Every match is case-insensitive, so the text
 * is lower-cased and its spaces collapsed: equal searches get equal keys (and share a cache entry).
 */
record SearchQuery(String text, int limit) {

    static final int MIN_TEXT = 2;
    static final int MAX_TEXT = 100;
    /** Trigrams need three characters; shorter texts only search messages and voicemails. */
    static final int MIN_CONTACT_TEXT = 3;
    static final int MIN_LIMIT = 1;
    static final int MAX_LIMIT = 20;
    static final int DEFAULT_LIMIT = 5;

    static SearchQuery parse(String q, String limit) {
        FieldErrors errors = new FieldErrors("search");
        String text = q == null ? "" : q.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
        if (text.length() < MIN_TEXT || text.length() > MAX_TEXT) {
            errors.add("q", "must be " + MIN_TEXT + " to " + MAX_TEXT + " characters");
        }
        int size = limit(limit, errors);
        errors.throwIfAny();
        return new SearchQuery(text, size);
    }

    boolean searchesContacts() {
        return text.length() >= MIN_CONTACT_TEXT;
    }

    private static int limit(String value, FieldErrors errors) {
        if (value == null || value.isBlank()) {
            return DEFAULT_LIMIT;
        }
        try {
            int limit = Integer.parseInt(value.strip());
            if (limit >= MIN_LIMIT && limit <= MAX_LIMIT) {
                return limit;
            }
        } catch (NumberFormatException e) {
            // reported below, like an out-of-range number
        }
        errors.add("limit", "must be a whole number between " + MIN_LIMIT + " and " + MAX_LIMIT);
        return DEFAULT_LIMIT;
    }
}
