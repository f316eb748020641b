package com.kin.twiliomessaging;

import com.kin.core.identity.MessagePlacement;
import com.kin.data.Database;
import com.kin.data.messages.MessageStatusEvent;
import com.kin.data.messages.MessageStatusOrder;
import com.kin.data.messages.MessageWebhookRepository;
import com.kin.twilio.webhook.SignedWebhook;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies Twilio's message status callbacks: outbound messages only move forward ({@link MessageStatusOrder}). A
 * callback for a MessageSid KIN has not stored yet is kept and merged when the SID is stored
 * ({@link com.kin.data.messages.PendingStatuses}). A callback that changed a message invalidates the cached entries
 * that show it once the write committed.
 */
@Singleton
class MessageStatusService {

    private static final Logger LOG = LoggerFactory.getLogger(MessageStatusService.class);

    private final Database database;
    private final MessageWebhookRepository messages;
    private final MessagingCache cache;
    private final Clock clock;

    MessageStatusService(Database database, MessageWebhookRepository messages, MessagingCache cache, Clock clock) {
        this.database = database;
        this.messages = messages;
        this.cache = cache;
        this.clock = clock;
    }

    void apply(SignedWebhook webhook) {
        String sid = webhook.optional("MessageSid").or(() -> webhook.optional("SmsSid"))
                .orElseGet(() -> webhook.required("MessageSid"));
        String status = webhook.optional("MessageStatus").or(() -> webhook.optional("SmsStatus"))
                .orElseGet(() -> webhook.required("MessageStatus")).toLowerCase(Locale.ROOT);
        if (MessageStatusOrder.rank(status).isEmpty()) {
            // e.g. partially_delivered: not a step of an outbound message's order, so there is nothing to move to.
            LOG.info("message status callback for {} with status {} ignored: not an outbound message status", sid, status);
            return;
        }
        MessageStatusEvent event = new MessageStatusEvent(sid, status, webhook.integer("ErrorCode").orElse(null),
                webhook.optional("ErrorMessage").orElse(null));
        Instant now = clock.instant();
        // The usual case is one autocommitted statement. When it finds no message to move, the SID may not be stored
        // yet (this callback overtook Twilio's REST answer): under the SID's lock, apply again or keep the callback.
        Optional<MessagePlacement> changed = messages.applyStatus(database, event, now)
                .or(() -> database.transaction("messages.webhook.statusOrKeep", sql -> messages.applyOrKeep(sql, event, now)));
        changed.ifPresentOrElse(cache::messageChanged, () -> LOG.debug("message status {} for {} (delivery {}) changed no"
                + " message: kept until its SID is stored, or a duplicate, late or after a final status", status, sid,
                webhook.idempotencyToken()));
    }
}
