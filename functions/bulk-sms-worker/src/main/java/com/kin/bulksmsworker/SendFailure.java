package com.kin.bulksmsworker;

/**
 * What a failed Twilio call means for one recipient.
 *
 * @param errorCode Twilio's error code, or one of KIN's ({@code http_4xx}, {@code outcome_unknown}) for the recipient row
 */
record SendFailure(Kind kind, String errorCode) {

    enum Kind {
        /** Twilio answered and refused this message (invalid number, unsubscribed...): final, never retried. */
        REFUSED,
        /** Twilio did not take the message (5xx/429 until the budget ran out, or no connection): retry later. */
        UNAVAILABLE,
        /** Twilio may have sent it (no answer in time, connection lost mid-request): final, never resent automatically. */
        UNKNOWN
    }
}
