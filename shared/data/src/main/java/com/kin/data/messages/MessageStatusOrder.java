package com.kin.data.messages;

import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The order an outbound message moves through Twilio's statuses: queued, accepted, scheduled, sending, sent, then
 * delivered, then read. failed, undelivered and canceled are terminal. Status callbacks may arrive out of order, so a
 * message only moves to a higher rank and never leaves a terminal status: a late {@code sent} never overwrites
 * {@code delivered} or {@code read}. A terminal status ranks with {@code delivered}: a message Twilio reported
 * delivered does not become undelivered.
 */
public final class MessageStatusOrder {

    private static final Map<String, Integer> RANKS = Map.ofEntries(
            Map.entry("queued", 1), Map.entry("accepted", 2), Map.entry("scheduled", 3), Map.entry("sending", 4),
            Map.entry("sent", 5), Map.entry("delivered", 6), Map.entry("undelivered", 6), Map.entry("failed", 6),
            Map.entry("canceled", 6), Map.entry("read", 7));
    private static final Set<String> TERMINAL = Set.of("undelivered", "failed", "canceled");
    /** Statuses that mean the carrier took the message: {@code sent_at} is set once on the first of them. */
    private static final Set<String> SENT = Set.of("sent", "delivered", "undelivered", "read");
    private static final Set<String> DELIVERED = Set.of("delivered", "read");

    private MessageStatusOrder() {
    }

    /** The rank of an outbound status; empty for a status that is not one ({@code received}) or unknown. */
    public static OptionalInt rank(String status) {
        Integer rank = RANKS.get(status);
        return rank == null ? OptionalInt.empty() : OptionalInt.of(rank);
    }

    public static boolean isTerminal(String status) {
        return TERMINAL.contains(status);
    }

    static boolean marksSent(String status) {
        return SENT.contains(status);
    }

    static boolean marksDelivered(String status) {
        return DELIVERED.contains(status);
    }

    /** {@link #rank} as a SQL expression over a status column. */
    static String sqlRank(String column) {
        String cases = RANKS.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(entry -> "when '" + entry.getKey() + "' then " + entry.getValue())
                .collect(Collectors.joining(" "));
        return "(case " + column + " " + cases + " else 0 end)";
    }

    static String sqlTerminalList() {
        return TERMINAL.stream().sorted().map(status -> "'" + status + "'").collect(Collectors.joining(", ", "(", ")"));
    }
}
