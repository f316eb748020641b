package com.kin.twilio.rest;

import com.kin.core.error.ExternalServiceError;
import com.kin.core.metrics.MetricsRecorder;
import com.kin.observability.metrics.MetricNames;
import com.twilio.exception.ApiException;
import com.twilio.exception.TwilioException;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Runs one Twilio operation within its time budget: retries what is safe to retry, with backoff, as long as a whole
 * further attempt still fits; turns every failure into an {@link ExternalServiceError}; records latency and errors.
 */
final class Retrier {

    static final String SERVICE = "twilio";
    static final String LATENCY_METRIC = MetricNames.TWILIO_LATENCY;
    static final String ERRORS_METRIC = MetricNames.TWILIO_ERROR;
    static final String OPERATION_DIMENSION = "operation";

    private final long budgetMillis;
    private final long attemptCeilingMillis;
    private final long attemptTimeoutMillis;
    private final Backoff backoff;
    private final Clock clock;
    private final Sleeper sleeper;
    private final MetricsRecorder metrics;

    Retrier(TwilioApiConfig config, Backoff backoff, Clock clock, Sleeper sleeper, MetricsRecorder metrics) {
        this.budgetMillis = config.budgetMs();
        this.attemptCeilingMillis = config.attemptCeiling().toMillis();
        this.attemptTimeoutMillis = config.attemptTimeoutMs();
        this.backoff = backoff;
        this.clock = clock;
        this.sleeper = sleeper;
        this.metrics = metrics;
    }

    <T> T call(TwilioOperation operation, Supplier<T> attempt) {
        long start = clock.millis();
        Map<String, String> dimensions = Map.of(OPERATION_DIMENSION, operation.metricName());
        try {
            return attempts(operation, attempt, start + budgetMillis);
        } catch (ExternalServiceError e) {
            metrics.count(ERRORS_METRIC, 1, dimensions);
            throw e;
        } finally {
            metrics.millis(LATENCY_METRIC, clock.millis() - start, dimensions);
        }
    }

    private <T> T attempts(TwilioOperation operation, Supplier<T> attempt, long deadline) {
        for (int number = 1; ; number++) {
            try {
                return attempt.get();
            } catch (AttemptFailure failure) {
                pause(operation, nextPause(operation, failure, number, deadline), failure);
            } catch (ApiException e) {
                throw rejected(operation, e);
            } catch (TwilioException e) {
                throw ExternalServiceError.failed(SERVICE, null, prefix(operation) + " failed: " + e.getMessage(), e);
            }
        }
    }

    private Duration nextPause(TwilioOperation operation, AttemptFailure failure, int number, long deadline) {
        if (!failure.retryable(operation.idempotent())) {
            throw notRetried(operation, failure);
        }
        Duration pause = backoff.pauseAfter(number);
        if (clock.millis() + pause.toMillis() + attemptCeilingMillis > deadline) {
            throw ExternalServiceError.timedOut(SERVICE, prefix(operation) + " gave up after " + number
                    + (number == 1 ? " attempt" : " attempts") + " within its " + budgetMillis + " ms budget; last one "
                    + failure.getMessage(), failure);
        }
        return pause;
    }

    private void pause(TwilioOperation operation, Duration pause, AttemptFailure failure) {
        try {
            sleeper.sleep(pause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            ExternalServiceError error = ExternalServiceError.timedOut(SERVICE,
                    prefix(operation) + " was interrupted while waiting to retry", e);
            error.addSuppressed(failure);
            throw error;
        }
    }

    private ExternalServiceError notRetried(TwilioOperation operation, AttemptFailure failure) {
        String notRetried = "; not retried, as Twilio may have acted on it";
        if (failure.kind() == AttemptFailure.Kind.NO_ANSWER) {
            return ExternalServiceError.timedOut(SERVICE, prefix(operation) + " got no answer within "
                    + attemptTimeoutMillis + " ms" + notRetried, failure);
        }
        return ExternalServiceError.failed(SERVICE, null, prefix(operation) + " " + failure.getMessage() + notRetried,
                failure);
    }

    private static ExternalServiceError rejected(TwilioOperation operation, ApiException e) {
        String reference = e.getCode() != null ? "Twilio error " + e.getCode()
                : e.getStatusCode() != null ? "HTTP " + e.getStatusCode() : "no error code";
        return ExternalServiceError.failed(SERVICE, e.getCode(),
                prefix(operation) + " rejected: " + e.getMessage() + " (" + reference + ")", e);
    }

    private static String prefix(TwilioOperation operation) {
        return SERVICE + " - " + operation.metricName();
    }
}
