package com.kin.core.error;

/** Thrown when the caller is known but its role may not perform the action (for example a non-admin managing users). */
public class ForbiddenError extends KinException {

    public ForbiddenError(String message) {
        super(403, "forbidden", message, null);
    }
}
