package com.kin.data.messages;

import com.kin.data.Sql;

/**
 * Status callbacks Twilio sent before KIN stored their MessageSid ({@code message_status_pending}, V18). The SID of an
 * outbound message is written only once Twilio's REST answer is back (POST /api/messages) or with the whole row (the
 * bulk worker), and the status callback can overtake that answer. The messaging function keeps such a callback
 * ({@link MessageWebhookRepository#keepPending}); the statement that stores the SID claims it ({@link #CLAIM}) and merges
 * it, forward only ({@link #further}). Both run under {@link #lock} on the SID in their transaction, so whichever comes
 * second sees what the first committed.
 */
public final class PendingStatuses {

    /**
     * A data-modifying CTE named {@code pending} that deletes and returns the kept callback of one SID (one parameter:
     * the SID). Referenced or not, it runs once; its columns are null when nothing was kept.
     */
    public static final String CLAIM = claim("");

    private PendingStatuses() {
    }

    /** {@link #CLAIM}, deleting the kept callback only when the SQL {@code condition} holds (else no row, all null). */
    public static String claimIf(String condition) {
        return claim(" and " + condition);
    }

    private static String claim(String condition) {
        return "pending as (delete from message_status_pending p where p.twilio_message_sid = ?" + condition
                + " returning p.status, p.error_code, p.error_message, p.sent_at, p.delivered_at)";
    }

    /**
     * Serialises, until the transaction ends, everything that touches one MessageSid: a status callback that finds no
     * message and the write that stores the SID. Outside a transaction it protects nothing.
     */
    public static void lock(Sql sql, String messageSid) {
        sql.query("messages.status.lockSid", "select pg_advisory_xact_lock(hashtext(?))", row -> Boolean.TRUE,
                "sms-sid:" + messageSid);
    }

    /**
     * The SQL expression of the further of two statuses by {@link MessageStatusOrder}: {@code current} unless it is
     * terminal or {@code next} ranks higher. A null or unknown {@code next} ranks 0 and never wins.
     */
    public static String further(String current, String next) {
        return "(case when " + current + " in " + MessageStatusOrder.sqlTerminalList() + " then " + current
                + " when " + MessageStatusOrder.sqlRank(next) + " > " + MessageStatusOrder.sqlRank(current)
                + " then " + next + " else " + current + " end)";
    }
}
