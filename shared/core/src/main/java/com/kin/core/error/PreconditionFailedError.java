package com.kin.core.error;

/** Thrown when an {@code If-Match} names a version that is no longer current; the write is not applied. */
public class PreconditionFailedError extends ConflictError {

    public PreconditionFailedError(String message) {
        super(412, "precondition-failed", message);
    }
}
