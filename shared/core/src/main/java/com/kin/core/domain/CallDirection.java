package com.kin.core.domain;

import com.fasterxml.jackson.annotation.JsonValue;
import io.micronaut.serde.annotation.Serdeable;
import java.util.Optional;

/** Which way a call went, as Twilio and the calls table name it. */
@Serdeable
public enum CallDirection {
    INBOUND("inbound"), OUTBOUND("outbound");

    private final String wireName;

    CallDirection(String wireName) {
        this.wireName = wireName;
    }

    @JsonValue
    public String wireName() {
        return wireName;
    }

    /** The direction {@code value} names exactly ({@code inbound}, {@code outbound}); empty for anything else. */
    public static Optional<CallDirection> fromWire(String value) {
        for (CallDirection direction : values()) {
            if (direction.wireName.equals(value)) {
                return Optional.of(direction);
            }
        }
        return Optional.empty();
    }
}
