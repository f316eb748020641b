package com.kin.bulksmsworker;

import com.kin.core.error.ExternalServiceError;
import com.kin.core.identity.MessagePlacement;
import com.kin.data.Database;
import com.kin.data.bulksms.BulkSmsRecipientRepository;
import com.kin.data.bulksms.JobToSend;
import com.kin.data.bulksms.RecipientStatus;
import com.kin.data.bulksms.SendTarget;
import com.kin.data.bulksms.SentMessage;
import com.kin.twilio.rest.SmsReceipt;
import com.kin.twilio.rest.TwilioGateway;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends one recipient of a job, at most once whatever SQS redelivers: it settles what needs no SMS (opted out, no number,
 * body too long), waits for the rate limit, claims the recipient (queued to sending) and only then calls Twilio, then
 * records the outcome. Only the delivery whose claim matched the row reaches Twilio. The placement of each messages row
 * it writes goes to the caller's {@code written} list, for the cache invalidation of the whole queue message.
 */
@Singleton
final class RecipientSender {

    private static final Logger LOG = LoggerFactory.getLogger(RecipientSender.class);
    /** The statuses Twilio may answer a create with that the messages table accepts as they are. */
    private static final Set<String> MESSAGE_STATUSES = Set.of("queued", "accepted", "scheduled", "sending", "sent",
            "delivered", "undelivered", "failed", "canceled");

    private final Database database;
    private final BulkSmsRecipientRepository recipients;
    private final MessageText text;
    private final SendRate rate;
    private final TwilioGateway twilio;
    private final WorkerConfig config;
    private final StatusCallbackConfig callback;
    private final Clock clock;

    RecipientSender(Database database, BulkSmsRecipientRepository recipients, MessageText text, SendRate rate,
                    TwilioGateway twilio, WorkerConfig config, StatusCallbackConfig callback, Clock clock) {
        this.database = database;
        this.recipients = recipients;
        this.text = text;
        this.rate = rate;
        this.twilio = twilio;
        this.config = config;
        this.callback = callback;
        this.clock = clock;
    }

    /** Sends to {@code target} if it is still queued; the messages row it writes, if any, is added to {@code written}. */
    RecipientOutcome send(JobToSend job, MessageText.JobText jobText, SendTarget target, boolean lastDelivery,
                          List<MessagePlacement> written) {
        if (!target.isQueued()) {
            return RecipientOutcome.ALREADY_HANDLED;
        }
        if (target.optedOut()) {
            return settle(job, target, RecipientStatus.SKIPPED_OPT_OUT, null, RecipientOutcome.SKIPPED_OPT_OUT);
        }
        if (target.phone() == null) {
            return settle(job, target, RecipientStatus.FAILED, RecipientStatus.NO_PHONE_NUMBER,
                    RecipientOutcome.NOT_SENDABLE);
        }
        Optional<String> body = text.forContact(jobText, target);
        if (body.isEmpty()) {
            return settle(job, target, RecipientStatus.FAILED, RecipientStatus.BODY_TOO_LONG,
                    RecipientOutcome.NOT_SENDABLE);
        }
        if (!waitForRate()) {
            return RecipientOutcome.UNAVAILABLE;
        }
        if (!recipients.claim(database, job.id(), target.contactId(), clock.instant())) {
            return RecipientOutcome.ALREADY_HANDLED;
        }
        return deliver(job, target, body.get(), lastDelivery, written);
    }

    private RecipientOutcome deliver(JobToSend job, SendTarget target, String body, boolean lastDelivery,
                                     List<MessagePlacement> written) {
        SmsReceipt receipt;
        try {
            receipt = twilio.sendSms(target.phone(), config.sender(), body, callback.uri().orElse(null));
        } catch (ExternalServiceError e) {
            return failed(job, target.contactId(), TwilioFailures.classify(e), lastDelivery, e);
        }
        Instant now = clock.instant();
        SentMessage sent = new SentMessage(job.id(), target.contactId(), UUID.randomUUID(), job.createdBy(),
                job.templateId(), body, config.sender(), target.phone(), receipt.messageSid(), messageStatus(receipt),
                now);
        // Committed when it returns; a transaction because recordSent locks the SID to merge an overtaking callback.
        database.transaction("bulkSms.recordSent", sql -> recipients.recordSent(sql, sent)).ifPresentOrElse(written::add, () -> LOG.error(
                "bulk sms worker - job {} contact {}: Twilio accepted {} but the recipient was no longer claimed",
                job.id(), target.contactId(), receipt.messageSid()));
        return RecipientOutcome.SENT;
    }

    private RecipientOutcome failed(JobToSend job, UUID contactId, SendFailure failure, boolean lastDelivery,
                                    ExternalServiceError error) {
        Instant now = clock.instant();
        switch (failure.kind()) {
            case REFUSED -> {
                recipients.fail(database, job.id(), contactId, failure.errorCode(), now);
                LOG.info("bulk sms worker - job {} contact {}: Twilio refused the message ({})", job.id(), contactId,
                        failure.errorCode());
                return RecipientOutcome.REFUSED;
            }
            case UNKNOWN -> {
                recipients.fail(database, job.id(), contactId, failure.errorCode(), now);
                LOG.warn("bulk sms worker - job {} contact {}: unknown whether Twilio sent it; not resending",
                        job.id(), contactId, error);
                return RecipientOutcome.OUTCOME_UNKNOWN;
            }
            default -> {
                return unavailable(job, contactId, lastDelivery, now, error);
            }
        }
    }

    private RecipientOutcome unavailable(JobToSend job, UUID contactId, boolean lastDelivery, Instant now,
                                         ExternalServiceError error) {
        if (lastDelivery) {
            recipients.fail(database, job.id(), contactId, RecipientStatus.RETRIES_EXHAUSTED, now);
            LOG.warn("bulk sms worker - job {} contact {}: Twilio unavailable on the last delivery; giving up",
                    job.id(), contactId, error);
            return RecipientOutcome.EXHAUSTED;
        }
        recipients.release(database, job.id(), contactId, "twilio_unavailable", now);
        LOG.warn("bulk sms worker - job {} contact {}: Twilio unavailable; the message will be delivered again",
                job.id(), contactId, error);
        return RecipientOutcome.UNAVAILABLE;
    }

    private RecipientOutcome settle(JobToSend job, SendTarget target, String status, String errorCode,
                                    RecipientOutcome outcome) {
        boolean moved = recipients.settleQueued(database, job.id(), target.contactId(), status, errorCode,
                clock.instant());
        return moved ? outcome : RecipientOutcome.ALREADY_HANDLED;
    }

    /** False when the wait was interrupted: nothing was claimed, so the recipient simply stays queued. */
    private boolean waitForRate() {
        try {
            rate.acquire();
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static String messageStatus(SmsReceipt receipt) {
        return MESSAGE_STATUSES.contains(receipt.status()) ? receipt.status() : "queued";
    }
}
