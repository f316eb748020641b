package com.kin.health;

import com.fasterxml.jackson.annotation.JsonValue;
import io.micronaut.serde.annotation.Serdeable;
import java.util.Locale;

/**
 * How one part of the system is doing.
 *
 * <ul>
 *   <li>{@code ok}: reachable and set up as expected;</li>
 *   <li>{@code degraded}: reachable, but set up wrongly or only partly (TTL off, half a Quickbase configuration,
 *       a Twilio account that is not active);</li>
 *   <li>{@code down}: not reachable, refused us, or gave no answer within the check timeout;</li>
 *   <li>{@code not_configured}: this deployment does not use the part; not a fault.</li>
 * </ul>
 */
@Serdeable
public enum PartStatus {
    OK, DEGRADED, DOWN, NOT_CONFIGURED;

    /** Whether the part counts against the overall status. */
    public boolean isFault() {
        return this == DEGRADED || this == DOWN;
    }

    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
