package com.kin.bulksmsworker;

import com.kin.core.error.ExternalServiceError;
import com.kin.data.bulksms.RecipientStatus;
import com.twilio.exception.ApiException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import org.apache.hc.client5.http.ConnectTimeoutException;

/**
 * Reads a failed {@link com.kin.twilio.rest.TwilioGateway#sendSms} as a {@link SendFailure}. The gateway has already
 * retried what it could within its budget; what is left to decide is whether a later delivery of the queue message may
 * try again. Only a failure that certainly did not reach Twilio, or that Twilio asked us to repeat, may: a second attempt
 * after a lost answer could text the contact twice.
 */
final class TwilioFailures {

    private TwilioFailures() {
    }

    static SendFailure classify(ExternalServiceError error) {
        if (error.providerCode() != null) {
            return new SendFailure(SendFailure.Kind.REFUSED, String.valueOf(error.providerCode()));
        }
        for (Throwable cause = error.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof ApiException api && isClientError(api.getStatusCode())) {
                return new SendFailure(SendFailure.Kind.REFUSED, "http_" + api.getStatusCode());
            }
            if (neverReachedTwilio(cause)) {
                return unavailable();
            }
            if (cause instanceof IOException) {
                return unknown();
            }
        }
        // A 504 without an I/O cause is a budget spent on 429/5xx answers: Twilio said it did not take the message.
        return error.status() == 504 ? unavailable() : unknown();
    }

    private static boolean isClientError(Integer status) {
        return status != null && status >= 400 && status < 500 && status != 429;
    }

    private static boolean neverReachedTwilio(Throwable cause) {
        return cause instanceof ConnectException || cause instanceof ConnectTimeoutException
                || cause instanceof UnknownHostException || cause instanceof NoRouteToHostException;
    }

    private static SendFailure unavailable() {
        return new SendFailure(SendFailure.Kind.UNAVAILABLE, "twilio_unavailable");
    }

    private static SendFailure unknown() {
        return new SendFailure(SendFailure.Kind.UNKNOWN, RecipientStatus.OUTCOME_UNKNOWN);
    }
}
