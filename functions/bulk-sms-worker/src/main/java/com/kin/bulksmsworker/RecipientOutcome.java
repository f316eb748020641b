package com.kin.bulksmsworker;

import java.util.Locale;

/** What became of one recipient named in a queue message; the metric dimension is the lower-case name. */
enum RecipientOutcome {
    /** Twilio accepted it; the recipient is sent and its messages row written. */
    SENT,
    /** Twilio refused it for good (its error code is on the recipient). */
    REFUSED,
    /** Twilio may or may not have sent it; it is failed (outcome_unknown) and will not be resent. */
    OUTCOME_UNKNOWN,
    /** The contact opted out of SMS after the job was created. */
    SKIPPED_OPT_OUT,
    /** Nothing to send: no phone number any more, or the body is too long with this contact's fields. */
    NOT_SENDABLE,
    /** Not queued any more: a delivery before this one already took it (SQS delivers at least once). */
    ALREADY_HANDLED,
    /** Twilio was unavailable; the recipient is queued again for the message's next delivery. */
    UNAVAILABLE,
    /** Twilio was unavailable on the message's last delivery; the recipient is failed (retries_exhausted). */
    EXHAUSTED;

    /** Whether the queue message must be delivered again (or, after its last delivery, go to the dead-letter queue). */
    boolean needsRedelivery() {
        return this == UNAVAILABLE || this == EXHAUSTED;
    }

    String metricName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
