package com.kin.twilio.rest;

import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import org.apache.hc.client5.http.ConnectTimeoutException;

/**
 * One attempt at a Twilio call that got no usable answer. What may be retried depends on whether Twilio could have
 * acted on the request: a refused connection never reached it, a lost answer to a POST may have sent an SMS.
 */
final class AttemptFailure extends RuntimeException {

    enum Kind {
        /** The connection was never made: safe to retry anything. */
        NOT_SENT,
        /** Sent, but no answer within the attempt timeout: Twilio may have acted. */
        NO_ANSWER,
        /** Sent, then the connection broke: Twilio may have acted. */
        BROKEN,
        /** Twilio answered 429 or 5xx: it asks us to come back later. */
        RETRYABLE_STATUS
    }

    private final Kind kind;
    private final int httpStatus;

    private AttemptFailure(Kind kind, int httpStatus, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
        this.httpStatus = httpStatus;
    }

    static boolean isRetryableStatus(int status) {
        return status == 429 || status >= 500;
    }

    static AttemptFailure fromStatus(int status) {
        return new AttemptFailure(Kind.RETRYABLE_STATUS, status, "answered HTTP " + status, null);
    }

    static AttemptFailure fromIo(IOException e) {
        // ConnectTimeoutException is also an InterruptedIOException: test it before the answer timeout.
        if (e instanceof ConnectTimeoutException || e instanceof ConnectException || e instanceof UnknownHostException
                || e instanceof NoRouteToHostException) {
            return new AttemptFailure(Kind.NOT_SENT, 0, "could not connect: " + e.getMessage(), e);
        }
        if (e instanceof SocketTimeoutException) {
            return new AttemptFailure(Kind.NO_ANSWER, 0, "no answer in time: " + e.getMessage(), e);
        }
        return new AttemptFailure(Kind.BROKEN, 0, "connection broke: " + e, e);
    }

    Kind kind() {
        return kind;
    }

    int httpStatus() {
        return httpStatus;
    }

    /** Whether another attempt is safe: always when Twilio did not act, for idempotent calls in any case. */
    boolean retryable(boolean idempotent) {
        return kind == Kind.NOT_SENT || kind == Kind.RETRYABLE_STATUS || idempotent;
    }
}
