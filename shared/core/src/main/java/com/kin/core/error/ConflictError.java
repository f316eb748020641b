package com.kin.core.error;

/** Thrown when a write conflicts with the current state (a duplicate, an opted-out recipient, a concurrent change). */
public class ConflictError extends KinException {

    public ConflictError(String message) {
        this(message, null);
    }

    public ConflictError(String message, Throwable cause) {
        super(409, "conflict", message, cause);
    }

    protected ConflictError(int status, String type, String message) {
        super(status, type, message, null);
    }
}
