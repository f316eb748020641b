package com.kin.health;

import com.fasterxml.jackson.annotation.JsonValue;
import io.micronaut.serde.annotation.Serdeable;
import java.util.Locale;

/**
 * The system as a whole: {@code down} (503) when a part nothing works without is at fault (the database),
 * {@code degraded} (200) when any other part is, {@code ok} (200) otherwise.
 */
@Serdeable
public enum OverallStatus {
    OK(200), DEGRADED(200), DOWN(503);

    private final int httpStatus;

    OverallStatus(int httpStatus) {
        this.httpStatus = httpStatus;
    }

    public int httpStatus() {
        return httpStatus;
    }

    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
