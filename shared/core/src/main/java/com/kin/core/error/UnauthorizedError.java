package com.kin.core.error;

/** Thrown when a request carries no usable identity (no or incomplete authorizer claims). */
public class UnauthorizedError extends KinException {

    public UnauthorizedError(String message) {
        super(401, "unauthorized", message, null);
    }
}
