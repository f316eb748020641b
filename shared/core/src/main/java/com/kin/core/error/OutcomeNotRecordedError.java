package com.kin.core.error;

/**
 * Thrown when work outside KIN was done (Twilio accepted the SMS, placed the call) but KIN could not record it. A 500,
 * and unlike other server faults a final one: running the request again would do the work twice, so an
 * {@code Idempotency-Key} keeps this answer for the key's retries instead of releasing the key. The message names what
 * was done (the provider's id), so the client and the log can reconcile it.
 */
public class OutcomeNotRecordedError extends KinException {

    public OutcomeNotRecordedError(String message, Throwable cause) {
        super(500, "outcome-not-recorded", message, cause);
    }
}
