package com.kin.cache;

import io.micronaut.serde.annotation.Serdeable;
import java.util.Objects;

/** A small immutable value, as functions cache (a contact, a page of them). */
@Serdeable
record Note(String id, long version, String text) {

    Note {
        Objects.requireNonNull(id, "id");
    }
}
