package com.kin.twilio.rest;

/** The calls the gateway makes; the name is the {@code operation} dimension of the Twilio metrics. */
enum TwilioOperation {

    SEND_SMS("sendSms", false),
    PLACE_CALL("placeCall", false),
    CHECK_ACCOUNT("checkAccount", true);

    private final String metricName;
    private final boolean idempotent;

    TwilioOperation(String metricName, boolean idempotent) {
        this.metricName = metricName;
        this.idempotent = idempotent;
    }

    String metricName() {
        return metricName;
    }

    /** Whether repeating the call cannot do anything twice (a read), so even a lost answer may be retried. */
    boolean idempotent() {
        return idempotent;
    }
}
