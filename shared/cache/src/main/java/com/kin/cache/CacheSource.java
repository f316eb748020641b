package com.kin.cache;

import java.util.Locale;

/** Which tier answered a read; functions send it as the {@value #HEADER} response header. */
public enum CacheSource {
    L1, L2, MISS;

    /** The response header that tells load tests and developers where a read was served from. */
    public static final String HEADER = "x-cache";

    /** {@code l1}, {@code l2} or {@code miss}. */
    public String headerValue() {
        return name().toLowerCase(Locale.ROOT);
    }
}
