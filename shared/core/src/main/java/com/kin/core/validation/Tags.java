package com.kin.core.validation;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/** Contact tags: lower-case slugs of 1-32 characters, at most {@link #MAX_TAGS} per contact (the database checks the same). */
public final class Tags {

    public static final int MAX_TAGS = 20;
    private static final Pattern TAG = Pattern.compile("[a-z0-9][a-z0-9_-]{0,31}");

    private Tags() {
    }

    /** The tags de-duplicated in order and lower-cased, or a problem description when one is invalid. */
    public static Optional<String> problem(List<String> tags) {
        if (tags.size() > MAX_TAGS) {
            return Optional.of("at most " + MAX_TAGS + " tags");
        }
        for (String tag : tags) {
            if (tag == null || !TAG.matcher(tag.toLowerCase(Locale.ROOT)).matches()) {
                return Optional.of("'" + tag + "' is not a tag: use 1-32 letters, digits, '-' or '_', starting with a letter or digit");
            }
        }
        return Optional.empty();
    }

    public static List<String> normalise(List<String> tags) {
        Set<String> unique = new LinkedHashSet<>();
        tags.forEach(tag -> unique.add(tag.toLowerCase(Locale.ROOT)));
        return List.copyOf(unique);
    }

    public static boolean isValid(String tag) {
        return tag != null && TAG.matcher(tag).matches();
    }
}
