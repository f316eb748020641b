package com.kin.data.calls;

import com.kin.core.domain.CallDirection;
import com.kin.core.domain.CallStatus;
import io.micronaut.core.annotation.Nullable;
import java.time.Instant;
import java.util.Objects;

/**
 * One Twilio call status callback.
 *
 * @param sequence        Twilio's {@code SequenceNumber} (per call, from 0), null when the callback has none
 * @param at              when the status changed ({@code Timestamp}), or when the callback arrived
 * @param durationSeconds {@code CallDuration}, sent with the final status
 */
public record CallStatusEvent(String callSid, CallStatus status, @Nullable Integer sequence, CallDirection direction,
                              String from, String to, Instant at, @Nullable Integer durationSeconds) {

    public CallStatusEvent {
        Objects.requireNonNull(callSid, "callSid");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(direction, "direction");
        Objects.requireNonNull(at, "at");
    }

    /** When the call was answered: now for in-progress; for a completed call, its end less its talk time. */
    @Nullable
    Instant answeredAt() {
        if (status == CallStatus.IN_PROGRESS) {
            return at;
        }
        if (status == CallStatus.COMPLETED && durationSeconds != null && durationSeconds > 0) {
            return at.minusSeconds(durationSeconds);
        }
        return null;
    }

    @Nullable
    Instant endedAt() {
        return CallStatusOrder.isTerminal(status) ? at : null;
    }
}
