package com.kin.twiliomessaging;

import com.kin.core.domain.Contact;
import com.kin.core.identity.MessagePlacement;
import com.kin.core.validation.PhoneNumbers;
import com.kin.data.Database;
import com.kin.data.Sql;
import com.kin.data.contacts.ContactField;
import com.kin.data.contacts.ContactRepository;
import com.kin.data.contacts.SmsOptOuts;
import com.kin.data.messages.InboundMessage;
import com.kin.data.messages.MessageWebhookRepository;
import com.kin.data.routing.RoutingRule;
import com.kin.twilio.twiml.MessagingResponses;
import com.kin.twilio.webhook.SignedWebhook;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stores inbound SMS against the sender's contact (a new contact, owned by the routing rule's SMS owner, for an unknown
 * number) and applies the carrier keywords: STOP and its synonyms opt the contact out, START opts back in, HELP may get
 * the configured reply. A duplicate delivery of a MessageSid changes nothing and gets no reply. Once the transaction
 * committed, the cached entries showing the message (and the contact, when it was created or its opt-out changed) are
 * invalidated.
 */
@Singleton
class InboundSmsService {

    private static final Logger LOG = LoggerFactory.getLogger(InboundSmsService.class);

    private final Database database;
    private final MessageWebhookRepository messages;
    private final RoutingRule routing;
    private final ContactRepository contacts;
    private final SmsOptOuts optOuts;
    private final MessagingCache cache;
    private final PhoneNumbers phoneNumbers;
    private final MessagingConfig config;
    private final Clock clock;

    InboundSmsService(Database database, MessageWebhookRepository messages, RoutingRule routing, ContactRepository contacts,
                      SmsOptOuts optOuts, MessagingCache cache, PhoneNumbers phoneNumbers, MessagingConfig config,
                      Clock clock) {
        this.database = database;
        this.messages = messages;
        this.routing = routing;
        this.contacts = contacts;
        this.optOuts = optOuts;
        this.cache = cache;
        this.phoneNumbers = phoneNumbers;
        this.config = config;
        this.clock = clock;
    }

    /** Stores the message and returns the TwiML answer: the HELP reply when configured, otherwise no reply. */
    String receive(SignedWebhook webhook) {
        String body = webhook.params().first("Body").orElse("");
        SmsKeyword keyword = SmsKeyword.of(body, webhook.optional("OptOutType").orElse(null));
        InboundSms sms = new InboundSms(messageSid(webhook), webhook.required("From"), webhook.required("To"), body, keyword);
        Optional<Stored> stored = database.transaction("messages.webhook.receive", sql -> store(sql, sms, clock.instant()));
        stored.ifPresentOrElse(written -> cache.received(written.placement(), written.contactChanged()),
                () -> LOG.debug("inbound message {} already stored: duplicate delivery {} ignored", sms.messageSid(),
                        webhook.idempotencyToken()));
        return stored.isPresent() && keyword == SmsKeyword.HELP && config.smsHelpReply() != null
                ? MessagingResponses.reply(config.smsHelpReply())
                : MessagingResponses.empty();
    }

    /**
     * Stores the message once: empty for a MessageSid already stored. Senders are serialised, so the checks hold; a
     * conflict on insert would mean the lock failed, and rolls the transaction back.
     */
    private Optional<Stored> store(Sql sql, InboundSms sms, Instant now) {
        messages.lockSender(sql, sms.from());
        if (messages.exists(sql, sms.messageSid())) {
            return Optional.empty();
        }
        Optional<Contact> known = routing.contactFor(sql, sms.from());
        Optional<Contact> contact = known.or(() -> newContact(sql, sms, now));
        MessagePlacement placement = messages.insertInbound(sql, new InboundMessage(sms.messageSid(), sms.from(),
                        sms.to(), sms.body(), contact.map(Contact::ownerId).orElse(null),
                        contact.map(Contact::id).orElse(null)), now)
                .orElseThrow(() -> new IllegalStateException("messages - inbound message " + sms.messageSid()
                        + " was stored by another delivery despite the sender lock"));
        boolean optOutChanged = sms.keyword().changesOptOut() && contact.isPresent()
                && optOuts.set(sql, contact.get().id(), sms.keyword() == SmsKeyword.OPT_OUT, now);
        return Optional.of(new Stored(placement, (known.isEmpty() && contact.isPresent()) || optOutChanged));
    }

    /**
     * A contact for an unknown sender, owned as {@link RoutingRule#ownerForUnknownSender} says: one of the department's
     * agents, else its manager, else the oldest active admin. None for a sender that is not a phone number (short code,
     * alphanumeric sender), or when KIN has no active admin to fall back on: the message is kept without one.
     */
    private Optional<Contact> newContact(Sql sql, InboundSms sms, Instant now) {
        if (!phoneNumbers.toE164(sms.from()).filter(sms.from()::equals).isPresent()) {
            return Optional.empty();
        }
        Optional<UUID> owner = routing.ownerForUnknownSender(sql, sms.from(), sms.to(), config.fallbackDepartment());
        return owner.map(ownerId -> {
            Map<ContactField, Object> fields = new EnumMap<>(ContactField.class);
            fields.put(ContactField.OWNER_ID, ownerId);
            fields.put(ContactField.FIRST_NAME, sms.from());
            fields.put(ContactField.MOBILE_PHONE, sms.from());
            fields.put(ContactField.NOTES, "Created from an SMS to " + sms.to() + ".");
            return contacts.insert(sql, fields, now).contact();
        });
    }

    private static String messageSid(SignedWebhook webhook) {
        // SmsSid is the older name Twilio still sends alongside MessageSid.
        return webhook.optional("MessageSid").or(() -> webhook.optional("SmsSid"))
                .orElseGet(() -> webhook.required("MessageSid"));
    }

    private record InboundSms(String messageSid, String from, String to, String body, SmsKeyword keyword) {
    }

    /** A stored message, and whether storing it created its contact or changed the contact's opt-out. */
    private record Stored(MessagePlacement placement, boolean contactChanged) {
    }
}
