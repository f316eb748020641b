package com.kin.data.messages;

import com.kin.core.domain.Message;
import com.kin.core.identity.Caller;
import com.kin.data.Rows;
import com.kin.data.Sql;
import com.kin.data.Visibility;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The statements of the send path ({@code POST /api/messages}): who a message goes to and whether that number opted out,
 * the message stored as queued before Twilio is asked, then Twilio's answer (its SID and status, or the failure).
 * Opt-out belongs to the number: if any contact with the number sent STOP, nobody texts it.
 */
@Singleton
public class OutboundMessageRepository {

    /** Whether a contact with the number (as the SQL expression {@code number}) has opted out; phone indexes serve it. */
    private static final String OPTED_OUT = "exists (select 1 from contacts o where o.sms_opt_out "
            + "and (o.phone = %1$s or o.mobile_phone = %1$s))";

    private static final String CONTACT = "select c.id, c.owner_id, u.department as owner_department, "
            + "coalesce(c.mobile_phone, c.phone) as number, "
            + OPTED_OUT.formatted("coalesce(c.mobile_phone, c.phone)") + " as opted_out "
            + "from contacts c join users u on u.id = c.owner_id where c.id = ?";

    private static final String INSERT = "with m as (insert into messages (direction, status, body, from_number, "
            + "to_number, user_id, contact_id, template_id, created_at, updated_at) "
            + "values ('outbound', 'queued', ?, ?, ?, ?, ?, ?, ?, ?) returning *) "
            + "select " + MessageColumns.COLUMNS + ", " + MessagePlacements.COLUMNS + " from m" + MessagePlacements.JOINS;

    /**
     * The SID and Twilio's status, then any status callback kept for the SID (claimed: deleted), each applied only when
     * it moves the message forward; the callback's error and times fill what the message does not have yet.
     */
    private static final String ACCEPTED = "with " + PendingStatuses.CLAIM + ", given as (select ?::text as sid, "
            + "?::text as status) update messages m set twilio_message_sid = g.sid, status = "
            + PendingStatuses.further(PendingStatuses.further("m.status", "g.status"), "p.status") + ", "
            + "error_code = coalesce(p.error_code, m.error_code), error_message = coalesce(p.error_message, m.error_message), "
            + "sent_at = coalesce(m.sent_at, p.sent_at), delivered_at = coalesce(m.delivered_at, p.delivered_at), "
            + "version = m.version + 1, updated_at = ? from given g left join pending p on true where m.id = ? returning "
            + MessageColumns.COLUMNS;

    private static final String FAILED = "update messages m set status = 'failed', error_code = ?::int, "
            + "error_message = ?::text, version = m.version + 1, updated_at = ? where m.id = ? returning "
            + MessageColumns.COLUMNS;

    /** The contact {@code contactId} as a recipient, whoever owns it (the caller checks visibility); empty if unknown. */
    public Optional<SmsRecipient> contact(Sql sql, UUID contactId) {
        return sql.queryOne("messages.send.contact", CONTACT, row -> new SmsRecipient(Rows.uuid(row, "id"),
                Rows.uuid(row, "owner_id"), row.getString("owner_department"), row.getString("number"),
                row.getBoolean("opted_out")), contactId);
    }

    /**
     * The number {@code e164} as a recipient: filed under the oldest contact with that number the caller may see (none:
     * no contact), opted out if any contact with the number opted out.
     */
    public SmsRecipient number(Sql sql, Caller caller, String e164) {
        Visibility.Fragment visible = Visibility.owner(caller, "c.owner_id");
        List<Object> params = new ArrayList<>(List.of(e164, e164));
        params.addAll(visible.params());
        params.add(e164);
        params.add(e164);
        return sql.queryOne("messages.send.number", "select (select c.id from contacts c where (c.phone = ? "
                        + "or c.mobile_phone = ?) and " + visible.sql() + " order by c.created_at, c.id limit 1) as contact_id, "
                        + OPTED_OUT.formatted("?::text") + " as opted_out",
                row -> new SmsRecipient(Rows.uuid(row, "contact_id"), null, null, e164, row.getBoolean("opted_out")),
                params.toArray()).orElseThrow(() -> new IllegalStateException(
                        "messages - the recipient lookup of " + e164 + " returned no row"));
    }

    /** Stores the message as queued; returns it with its placement. */
    public MessageRow insertQueued(Sql sql, OutboundMessage message, Instant now) {
        return sql.queryOne("messages.send.insert", INSERT, MessageRow::read, message.body(), message.from(),
                message.to(), message.userId(), message.contactId(), message.templateId(), now, now).orElseThrow();
    }

    /**
     * Records Twilio's acceptance: its SID, and its status when that is further along than the stored one (a status
     * Twilio may report for a new message that KIN does not track keeps the message queued), then merges a status
     * callback that overtook Twilio's answer ({@link PendingStatuses}), forward only. Takes the SID's lock first, so
     * call it in a transaction: a callback is then either kept before this reads it or finds the SID stored.
     */
    public Message markAccepted(Sql sql, UUID id, String messageSid, String twilioStatus, Instant now) {
        PendingStatuses.lock(sql, messageSid);
        return sql.queryOne("messages.send.accepted", ACCEPTED, MessageColumns::read, messageSid, messageSid,
                twilioStatus, now, id).orElseThrow(() -> gone(id));
    }

    /** Records that Twilio refused the message or could not be reached: failed, with Twilio's error code if it gave one. */
    public Message markFailed(Sql sql, UUID id, Integer errorCode, String errorMessage, Instant now) {
        return sql.queryOne("messages.send.failed", FAILED, MessageColumns::read, errorCode, errorMessage, now, id)
                .orElseThrow(() -> gone(id));
    }

    private static IllegalStateException gone(UUID id) {
        return new IllegalStateException("messages - message " + id + " vanished while it was being sent");
    }
}
