package com.kin.data.messages;

import com.kin.core.domain.Message;
import com.kin.core.identity.MessagePlacement;
import com.kin.data.Sql;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The writes Twilio's messaging webhooks make to messages: inbound messages once per MessageSid, and status callbacks
 * that only move an outbound message forward ({@link MessageStatusOrder}); a callback for a SID not stored yet is kept
 * until it is ({@link PendingStatuses}). A write returns the written message's {@link MessagePlacement} in the same
 * statement, for the cache tags the caller invalidates once it committed.
 */
@Singleton
public class MessageWebhookRepository {

    private static final String APPLY_STATUS = "with m as (update messages m set status = ?, "
            + "error_code = coalesce(?::int, m.error_code), error_message = coalesce(?::text, m.error_message), "
            + "sent_at = case when ? then coalesce(m.sent_at, ?) else m.sent_at end, "
            + "delivered_at = case when ? then coalesce(m.delivered_at, ?) else m.delivered_at end, "
            + "version = m.version + 1, updated_at = ? "
            + "where m.twilio_message_sid = ? and m.direction = 'outbound' "
            + "and m.status not in " + MessageStatusOrder.sqlTerminalList()
            + " and " + MessageStatusOrder.sqlRank("m.status") + " < ? returning m.*) " + MessagePlacements.OF_WRITTEN;

    /** How long a kept callback waits for its SID to be stored before the purge in {@link #keepPending} drops it. */
    static final Duration PENDING_KEPT_FOR = Duration.ofDays(1);

    /**
     * Purges kept callbacks older than {@link #PENDING_KEPT_FOR} (not this SID's: one statement must not touch a row
     * twice), then keeps this callback unless a message has the SID: inserted, or moved forward by the same rule as
     * {@link #APPLY_STATUS}, keeping the first sent and delivered times.
     */
    private static final String KEEP_PENDING = "with purged as (delete from message_status_pending o "
            + "where o.created_at < ? and o.twilio_message_sid <> ?) "
            + "insert into message_status_pending as p (twilio_message_sid, status, error_code, error_message, sent_at, "
            + "delivered_at, created_at, updated_at) "
            + "select ?, ?, ?::int, ?::text, case when ? then ?::timestamptz end, case when ? then ?::timestamptz end, ?, ? "
            + "where not exists (select 1 from messages m where m.twilio_message_sid = ?) "
            + "on conflict (twilio_message_sid) do update set status = excluded.status, "
            + "error_code = coalesce(excluded.error_code, p.error_code), "
            + "error_message = coalesce(excluded.error_message, p.error_message), "
            + "sent_at = coalesce(p.sent_at, excluded.sent_at), delivered_at = coalesce(p.delivered_at, excluded.delivered_at), "
            + "updated_at = excluded.updated_at "
            + "where p.status not in " + MessageStatusOrder.sqlTerminalList()
            + " and " + MessageStatusOrder.sqlRank("p.status") + " < " + MessageStatusOrder.sqlRank("excluded.status");

    private static final String INSERT_INBOUND = "with m as (insert into messages (direction, status, body, from_number, "
            + "to_number, user_id, contact_id, twilio_message_sid, created_at, updated_at) "
            + "values (?, 'received', ?, ?, ?, ?, ?, ?, ?, ?) on conflict (twilio_message_sid) do nothing returning *) "
            + MessagePlacements.OF_WRITTEN;

    /**
     * Serialises the inbound webhooks of one sender until the transaction ends, so that a duplicate delivery, or two
     * first messages from an unknown number, cannot both pass the checks that precede their writes.
     */
    public void lockSender(Sql sql, String from) {
        sql.query("messages.webhook.lockSender", "select pg_advisory_xact_lock(hashtext(?))", row -> Boolean.TRUE,
                "sms-from:" + from);
    }

    public boolean exists(Sql sql, String messageSid) {
        return sql.queryOne("messages.webhook.existsBySid", "select 1 from messages m where m.twilio_message_sid = ?",
                row -> Boolean.TRUE, messageSid).isPresent();
    }

    /** Stores an inbound message as received; returns where it sits, or empty when its SID is already stored. */
    public Optional<MessagePlacement> insertInbound(Sql sql, InboundMessage message, Instant now) {
        return sql.queryOne("messages.webhook.inbound", INSERT_INBOUND, MessagePlacements::read, Message.INBOUND,
                message.body(), message.from(), message.to(), message.userId(), message.contactId(),
                message.messageSid(), now, now);
    }

    /**
     * Applies a status callback to the outbound message with its SID and returns where it sits; empty when nothing
     * changed: an unknown SID, a duplicate, a late status, or a message already in a terminal status. Error details and
     * the sent and delivered times are kept once set.
     */
    public Optional<MessagePlacement> applyStatus(Sql sql, MessageStatusEvent event, Instant now) {
        String status = event.status();
        return sql.queryOne("messages.webhook.status", APPLY_STATUS, MessagePlacements::read, status, event.errorCode(),
                event.errorMessage(), MessageStatusOrder.marksSent(status), now, MessageStatusOrder.marksDelivered(status),
                now, now, event.messageSid(), MessageStatusOrder.rank(status).orElseThrow());
    }

    /**
     * A status callback {@link #applyStatus} did not apply, settled under the SID's lock (call it in a transaction):
     * applied if the message got its SID meanwhile, otherwise kept for the write that will store the SID
     * ({@link #keepPending}). Empty when no message changed: kept, or a duplicate, late or after a final status.
     */
    public Optional<MessagePlacement> applyOrKeep(Sql sql, MessageStatusEvent event, Instant now) {
        PendingStatuses.lock(sql, event.messageSid());
        Optional<MessagePlacement> applied = applyStatus(sql, event, now);
        if (applied.isEmpty()) {
            keepPending(sql, event, now);
        }
        return applied;
    }

    /**
     * Keeps a callback whose SID no message has (yet), forward only, and purges callbacks kept for longer than a day;
     * true when the callback was kept or moved the kept one forward.
     */
    public boolean keepPending(Sql sql, MessageStatusEvent event, Instant now) {
        String status = event.status();
        return sql.update("messages.webhook.keepPending", KEEP_PENDING, now.minus(PENDING_KEPT_FOR), event.messageSid(),
                event.messageSid(), status, event.errorCode(), event.errorMessage(), MessageStatusOrder.marksSent(status),
                now, MessageStatusOrder.marksDelivered(status), now, now, now, event.messageSid()) == 1;
    }
}
