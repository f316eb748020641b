package com.kin.core.domain;

import io.micronaut.serde.annotation.Serdeable;

/**
 * Where the recipients of a bulk SMS job stand. The parts add up to {@code total}: {@code queued} (waiting for the
 * worker), {@code sending} (claimed by a worker that is still within its time), {@code sent} (Twilio accepted it),
 * {@code failed} (Twilio refused it, no phone number, retries exhausted), {@code failedUnknown} (Twilio may or may not have
 * sent it: no answer in time, or the worker stopped between claiming and recording it; never resent automatically) and
 * {@code skippedOptOut} (the contact opted out of SMS).
 */
@Serdeable
public record BulkSmsCounts(
        int total,
        int queued,
        int sending,
        int sent,
        int failed,
        int failedUnknown,
        int skippedOptOut) {
}
