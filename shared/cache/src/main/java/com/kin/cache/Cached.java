package com.kin.cache;

import java.util.Objects;

/** A value read through the cache and the tier that served it. {@code value} is null only when the loader returned null. */
public record Cached<T>(T value, CacheSource source) {

    public Cached {
        Objects.requireNonNull(source, "source");
    }
}
