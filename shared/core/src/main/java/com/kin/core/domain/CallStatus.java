package com.kin.core.domain;

import com.fasterxml.jackson.annotation.JsonValue;
import io.micronaut.serde.annotation.Serdeable;
import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/** A call's state, with Twilio's CallStatus names (the calls table checks the same list). */
@Serdeable
public enum CallStatus {
    QUEUED("queued"), INITIATED("initiated"), RINGING("ringing"), IN_PROGRESS("in-progress"), COMPLETED("completed"),
    BUSY("busy"), NO_ANSWER("no-answer"), CANCELED("canceled"), FAILED("failed");

    private final String wireName;

    CallStatus(String wireName) {
        this.wireName = wireName;
    }

    @JsonValue
    public String wireName() {
        return wireName;
    }

    /** The status {@code value} names exactly (e.g. {@code no-answer}); empty for anything else. */
    public static Optional<CallStatus> fromWire(String value) {
        for (CallStatus status : values()) {
            if (status.wireName.equals(value)) {
                return Optional.of(status);
            }
        }
        return Optional.empty();
    }

    /** Every wire name, comma-separated, for error messages. */
    public static String wireNames() {
        return Arrays.stream(values()).map(CallStatus::wireName).collect(Collectors.joining(", "));
    }
}
