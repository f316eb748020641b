package com.kin.core.domain;

import com.fasterxml.jackson.annotation.JsonValue;
import io.micronaut.serde.annotation.Serdeable;
import java.util.Optional;

/**
 * How urgently a voicemail needs an answer. {@link #rank()} orders them (urgent highest); the database computes the same
 * rank in {@code voicemails.priority_rank}, which the urgent-first list sorts on.
 */
@Serdeable
public enum VoicemailPriority {
    LOW("low", 1), NORMAL("normal", 2), HIGH("high", 3), URGENT("urgent", 4);

    private final String wireName;
    private final int rank;

    VoicemailPriority(String wireName, int rank) {
        this.wireName = wireName;
        this.rank = rank;
    }

    @JsonValue
    public String wireName() {
        return wireName;
    }

    public int rank() {
        return rank;
    }

    /** The priority {@code value} names exactly ({@code low}, {@code normal}, {@code high}, {@code urgent}). */
    public static Optional<VoicemailPriority> fromWire(String value) {
        for (VoicemailPriority priority : values()) {
            if (priority.wireName.equals(value)) {
                return Optional.of(priority);
            }
        }
        return Optional.empty();
    }
}
