package com.kin.data.bulksms;

/** The states of a bulk SMS recipient row and the error codes KIN itself writes (Twilio's codes are written as given). */
public final class RecipientStatus {

    public static final String QUEUED = "queued";
    public static final String SENDING = "sending";
    public static final String SENT = "sent";
    public static final String FAILED = "failed";
    public static final String SKIPPED_OPT_OUT = "skipped_opt_out";

    /** The contact has neither a mobile nor another phone number. */
    public static final String NO_PHONE_NUMBER = "no_phone_number";
    /** Twilio may or may not have sent it (no answer in time, connection lost); never resent automatically. */
    public static final String OUTCOME_UNKNOWN = "outcome_unknown";
    /** Twilio stayed unavailable through every delivery of the queue message. */
    public static final String RETRIES_EXHAUSTED = "retries_exhausted";
    /** The body with this contact's fields filled in is longer than one SMS body may be. */
    public static final String BODY_TOO_LONG = "body_too_long";

    private RecipientStatus() {
    }
}
