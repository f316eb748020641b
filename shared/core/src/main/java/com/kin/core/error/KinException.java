package com.kin.core.error;

import java.util.Map;

/**
 * Thrown when a request cannot be completed for a reason the client should be told about; the base of every KIN error.
 *
 * <p>Each subtype fixes the HTTP status and a stable problem type. The message is written for the client: it names what
 * failed ("contacts - ...") and never carries SQL, stack traces or internal class names; the cause keeps those for the log.
 */
public abstract class KinException extends RuntimeException {

    private final int status;
    private final String type;

    protected KinException(int status, String type, String message, Throwable cause) {
        super(message, cause);
        this.status = status;
        this.type = type;
    }

    /** The HTTP status this error answers with. */
    public int status() {
        return status;
    }

    /** A short, stable slug naming the problem type, e.g. {@code not-found}. */
    public String type() {
        return type;
    }

    /** Extra members of the problem body (field errors, provider codes); empty by default. */
    public Map<String, Object> extensions() {
        return Map.of();
    }

    /** Whether this error reveals a fault on our side (5xx) rather than a client mistake. */
    public boolean isServerFault() {
        return status >= 500;
    }
}
