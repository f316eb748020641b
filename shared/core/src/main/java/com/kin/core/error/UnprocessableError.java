package com.kin.core.error;

/** Thrown when a well-formed request cannot be processed as asked, e.g. an Idempotency-Key reused with another body. */
public class UnprocessableError extends KinException {

    public UnprocessableError(String message) {
        super(422, "unprocessable", message, null);
    }
}
