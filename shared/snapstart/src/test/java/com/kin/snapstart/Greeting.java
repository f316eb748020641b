package com.kin.snapstart;

import io.micronaut.serde.annotation.Serdeable;

/** A value the tests put in the cache. */
@Serdeable
record Greeting(String text) {
}
