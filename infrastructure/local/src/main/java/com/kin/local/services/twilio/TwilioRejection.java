package com.kin.local.services.twilio;

/** A request the stand-in refuses the way Twilio would: carries the error to answer with. */
final class TwilioRejection extends RuntimeException {

    private final transient TwilioError error;

    TwilioRejection(TwilioError error) {
        super("twilio stand-in - " + error.status() + " code " + error.code() + ": " + error.message());
        this.error = error;
    }

    TwilioError error() {
        return error;
    }
}
