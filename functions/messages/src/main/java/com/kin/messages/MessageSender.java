package com.kin.messages;

import com.kin.core.domain.Message;
import com.kin.core.domain.MessageTemplate;
import com.kin.core.error.BadRequestError;
import com.kin.core.error.ConflictError;
import com.kin.core.error.ExternalServiceError;
import com.kin.core.error.NotFoundError;
import com.kin.core.error.OutcomeNotRecordedError;
import com.kin.core.error.UnprocessableError;
import com.kin.core.identity.Caller;
import com.kin.core.template.TemplateRenderer;
import com.kin.data.Database;
import com.kin.data.Sql;
import com.kin.data.messages.MessageRow;
import com.kin.data.messages.OutboundMessage;
import com.kin.data.messages.OutboundMessageRepository;
import com.kin.data.messages.SmsRecipient;
import com.kin.data.templates.TemplateRepository;
import com.kin.twilio.rest.SmsReceipt;
import com.kin.twilio.rest.TwilioGateway;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends an SMS ({@code POST /api/messages}). The message is stored as queued and committed before Twilio is asked, so it
 * exists whatever happens next; Twilio's answer then completes it: its SID and status, or failed with Twilio's error
 * (the request answers that error: 502 with Twilio's code, 504 when Twilio did not answer in time). Once Twilio has
 * accepted, no failure may let an Idempotency-Key retry send again: see {@link OutcomeNotRecordedError}.
 */
@Singleton
class MessageSender {

    private static final Logger LOG = LoggerFactory.getLogger(MessageSender.class);

    private final Database database;
    private final OutboundMessageRepository outbound;
    private final TemplateRepository templates;
    private final TemplateRenderer renderer;
    private final TwilioGateway twilio;
    private final SmsSendConfig config;
    private final MessageCache cache;
    private final Clock clock;

    MessageSender(Database database, OutboundMessageRepository outbound, TemplateRepository templates,
                  TemplateRenderer renderer, TwilioGateway twilio, SmsSendConfig config, MessageCache cache, Clock clock) {
        this.database = database;
        this.outbound = outbound;
        this.templates = templates;
        this.renderer = renderer;
        this.twilio = twilio;
        this.config = config;
        this.cache = cache;
        this.clock = clock;
    }

    Message send(Caller caller, SendRequest request) {
        MessageRow queued = database.transaction("messages.send", sql -> store(sql, caller, request));
        try {
            return deliver(queued.message());
        } finally {
            cache.changed(List.of(queued.placement()));
        }
    }

    /** Checks the recipient and the text and stores the message as queued; nothing is stored when a check fails. */
    private MessageRow store(Sql sql, Caller caller, SendRequest request) {
        SmsRecipient recipient = recipient(sql, caller, request);
        String body = request.templateId() == null ? request.body() : rendered(sql, request);
        if (recipient.optedOut()) {
            throw new ConflictError("messages - " + recipient.phoneNumber() + " has opted out of SMS (STOP); the message"
                    + " was not sent");
        }
        OutboundMessage message = new OutboundMessage(body, config.sender(), recipient.phoneNumber(), caller.userId(),
                recipient.contactId(), request.templateId());
        return outbound.insertQueued(sql, message, clock.instant());
    }

    private SmsRecipient recipient(Sql sql, Caller caller, SendRequest request) {
        if (request.contactId() == null) {
            return outbound.number(sql, caller, request.to());
        }
        SmsRecipient contact = outbound.contact(sql, request.contactId())
                .filter(found -> caller.canAccess(found.ownerId(), found.ownerDepartment()))
                .orElseThrow(() -> NotFoundError.of("contacts", request.contactId()));
        if (contact.phoneNumber() == null) {
            throw new UnprocessableError("messages - contact " + request.contactId() + " has no phone number to text");
        }
        return contact;
    }

    private String rendered(Sql sql, SendRequest request) {
        MessageTemplate template = templates.find(sql, request.templateId()).orElseThrow(() ->
                BadRequestError.field("templateId", "no template " + request.templateId()));
        return renderer.render(template.body(), request.variables());
    }

    /** Hands the stored message to Twilio and records the answer; a failure is recorded on the message, then answered. */
    private Message deliver(Message message) {
        SmsReceipt receipt;
        try {
            receipt = twilio.sendSms(message.toNumber(), config.sender(), message.body(), config.statusCallback());
        } catch (ExternalServiceError e) {
            recordFailure(message, e.providerCode(), e.getMessage(), e);
            throw e;
        } catch (RuntimeException e) {
            recordFailure(message, null, "not sent: the send failed inside KIN", e);
            throw e;
        }
        return recordAccepted(message, receipt);
    }

    /**
     * Records Twilio's acceptance. The SMS is gone whatever happens here, so a failure is answered as final (never
     * released for a retry to send again), naming the SID to reconcile the row, which stays queued without it.
     */
    private Message recordAccepted(Message message, SmsReceipt receipt) {
        try {
            // A transaction: markAccepted locks the SID, so a status callback that overtook this answer is merged.
            return database.transaction("messages.send.accepted", sql -> outbound.markAccepted(sql, message.id(),
                    receipt.messageSid(), receipt.status(), clock.instant()));
        } catch (RuntimeException e) {
            throw new OutcomeNotRecordedError("messages - Twilio accepted message " + message.id() + " (SID "
                    + receipt.messageSid() + ") but KIN could not record it; it was sent, do not send it again", e);
        }
    }

    private void recordFailure(Message message, Integer errorCode, String errorMessage, RuntimeException failure) {
        try {
            outbound.markFailed(database, message.id(), errorCode, errorMessage, clock.instant());
        } catch (RuntimeException recordingFailure) {
            // The send failure is what the client must hear; the message stays queued and the log says why.
            LOG.error("messages - could not mark message {} failed after: {}", message.id(), failure.getMessage(),
                    recordingFailure);
            failure.addSuppressed(recordingFailure);
        }
    }
}
