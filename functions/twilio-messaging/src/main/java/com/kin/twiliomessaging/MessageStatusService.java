package com.kin.twiliomessaging;

import com.kin.data.Database;
import com.kin.data.messages.MessageStatusEvent;
import com.kin.data.messages.MessageStatusOrder;
import com.kin.data.messages.MessageWebhookRepository;
import com.kin.twilio.webhook.SignedWebhook;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies Twilio's message status callbacks: outbound messages only move forward ({@link MessageStatusOrder}). A
 * callback that changed a message invalidates the cached entries that show it once the write committed.
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
        // One autocommitted statement: the change is committed when it returns.
        messages.applyStatus(database, event, clock.instant()).ifPresentOrElse(cache::messageChanged, () -> LOG.debug(
                "message status {} for {} changed nothing: unknown, duplicate, late or after a final status", status, sid));
    }
}
