package com.kin.data.calls;

import com.kin.core.domain.CallStatus;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * The order a call moves through Twilio's statuses: queued, initiated, ringing, in-progress, then one terminal status
 * (completed, busy, no-answer, canceled, failed). Twilio may deliver status callbacks out of order, so a call only ever
 * moves forward in this order, and never leaves a terminal status.
 */
public final class CallStatusOrder {

    static final int TERMINAL_RANK = 4;

    private CallStatusOrder() {
    }

    public static int rank(CallStatus status) {
        return switch (status) {
            case QUEUED -> 0;
            case INITIATED -> 1;
            case RINGING -> 2;
            case IN_PROGRESS -> 3;
            case COMPLETED, BUSY, NO_ANSWER, CANCELED, FAILED -> TERMINAL_RANK;
        };
    }

    public static boolean isTerminal(CallStatus status) {
        return rank(status) == TERMINAL_RANK;
    }

    /** {@link #rank} as a SQL expression over a status column, so a conditional UPDATE can compare ranks. */
    static String sqlRank(String column) {
        String cases = Arrays.stream(CallStatus.values()).filter(status -> !isTerminal(status))
                .map(status -> "when '" + status.wireName() + "' then " + rank(status))
                .collect(Collectors.joining(" "));
        return "(case " + column + " " + cases + " else " + TERMINAL_RANK + " end)";
    }
}
