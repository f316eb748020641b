package com.kin.data.messages;

import com.kin.core.domain.Message;
import com.kin.core.identity.MessagePlacement;
import com.kin.data.Sql;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.Optional;

/**
 * The writes Twilio's messaging webhooks make to messages: inbound messages once per MessageSid, and status callbacks
 * that only move an outbound message forward ({@link MessageStatusOrder}). A write returns the written message's
 * {@link MessagePlacement} in the same statement, for the cache tags the caller invalidates once it committed.
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
}
