package com.kin.core.validation;

import java.util.regex.Pattern;

/** A pragmatic e-mail check: one {@code @}, a dotted domain, no spaces, at most 254 characters (the SMTP path limit). */
public final class Emails {

    private static final Pattern SHAPE = Pattern.compile("[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]{2,}");

    private Emails() {
    }

    public static boolean isValid(String email) {
        return email != null && email.length() <= 254 && SHAPE.matcher(email).matches();
    }
}
