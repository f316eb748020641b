package com.kin.twiliovoice;

import com.kin.core.domain.CallDirection;
import com.kin.core.domain.CallStatus;
import com.kin.core.error.BadRequestError;
import com.kin.data.Database;
import com.kin.data.calls.CallStatusEvent;
import com.kin.data.calls.CallWebhookRepository;
import com.kin.twilio.webhook.SignedWebhook;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies Twilio's call status callbacks: calls only move forward, whatever order the callbacks arrive in. A callback
 * that changed a call invalidates the cached entries that show it once the write committed.
 */
@Singleton
class CallStatusService {

    private static final Logger LOG = LoggerFactory.getLogger(CallStatusService.class);

    private final Database database;
    private final CallWebhookRepository calls;
    private final VoiceCache cache;
    private final Clock clock;

    CallStatusService(Database database, CallWebhookRepository calls, VoiceCache cache, Clock clock) {
        this.database = database;
        this.calls = calls;
        this.cache = cache;
        this.clock = clock;
    }

    void apply(SignedWebhook webhook) {
        CallStatusEvent event = event(webhook);
        // One autocommitted statement: the change is committed when it returns.
        calls.applyStatus(database, event, clock.instant()).ifPresentOrElse(cache::callChanged, () -> LOG.debug(
                "call status {} (sequence {}) for {} changed nothing: duplicate, late or out of order (delivery {})",
                event.status().wireName(), event.sequence(), event.callSid(), webhook.idempotencyToken()));
    }

    private CallStatusEvent event(SignedWebhook webhook) {
        String status = webhook.required("CallStatus");
        CallStatus callStatus = CallStatus.fromWire(status).orElseThrow(() -> BadRequestError.field("CallStatus",
                "unknown call status '" + status + "'; expected one of " + CallStatus.wireNames()));
        // Twilio names outbound legs outbound-api and outbound-dial; a callback without Direction is for a call the API placed.
        CallDirection direction = webhook.optional("Direction").filter(value -> value.equals("inbound"))
                .map(value -> CallDirection.INBOUND).orElse(CallDirection.OUTBOUND);
        return new CallStatusEvent(webhook.required("CallSid"), callStatus, webhook.integer("SequenceNumber").orElse(null),
                direction, webhook.required("From"), webhook.required("To"), timestamp(webhook),
                webhook.integer("CallDuration").orElse(null));
    }

    /** When the status changed, as Twilio stamps it (RFC 1123); the arrival time when the callback has no stamp. */
    private Instant timestamp(SignedWebhook webhook) {
        return webhook.optional("Timestamp").map(CallStatusService::parseTimestamp).orElseGet(clock::instant);
    }

    private static Instant parseTimestamp(String value) {
        try {
            return ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
        } catch (DateTimeParseException e) {
            throw BadRequestError.field("Timestamp", "must be an RFC 1123 date such as 'Tue, 24 Nov 2026 06:00:00 +0000'");
        }
    }
}
