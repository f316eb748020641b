package com.kin.observability.http;

import java.time.Duration;

/**
 * What became of one request.
 *
 * @param route the route label ({@link RouteLabel})
 * @param status the HTTP status answered
 * @param duration from the request filter to the response filter
 * @param error the exception an error handler turned into the response, or null
 */
public record RequestOutcome(String route, int status, Duration duration, Throwable error) {

    boolean isClientError() {
        return status >= 400 && status < 500;
    }

    boolean isServerError() {
        return status >= 500;
    }
}
