package com.kin.twilio.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.kin.core.error.ExternalServiceError;
import com.kin.observability.metrics.MetricNames;
import com.kin.twilio.support.RecordingMetrics;
import com.kin.twilio.support.SteppingClock;
import com.twilio.exception.ApiException;
import java.net.ConnectException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RetrierTest {

    /** 8 s budget; an attempt may take 1 s to connect plus 3 s for the answer; pauses of 100, 200, 400... ms. */
    final TwilioApiConfig config = TwilioApiConfig.defaults();
    final SteppingClock clock = new SteppingClock();
    final RecordingMetrics metrics = new RecordingMetrics();
    final Retrier retrier = new Retrier(config, new Backoff(Duration.ofMillis(200), Duration.ofMillis(2000), () -> 0.0),
            clock, clock, metrics);

    @AfterEach
    void clearInterrupt() {
        Thread.interrupted();
    }

    /** Plays the given outcomes in order: a failure is thrown, anything else is returned; each takes {@code step}. */
    Supplier<String> script(Duration step, Object... outcomes) {
        Deque<Object> remaining = new ArrayDeque<>(List.of(outcomes));
        return () -> {
            clock.advance(step);
            Object next = remaining.removeFirst();
            if (next instanceof RuntimeException failure) {
                throw failure;
            }
            return (String) next;
        };
    }

    static ApiException invalidTo() {
        return new ApiException("The 'To' number +15005550001 is not a valid phone number.", 21211,
                "https://www.twilio.com/docs/errors/21211", 400, 400, null, true, null);
    }

    @Test
    void firstAttemptSucceeds_recordsLatencyAndNoError() {
        String result = retrier.call(TwilioOperation.SEND_SMS, script(Duration.ofMillis(120), "SM1"));

        assertThat(result).isEqualTo("SM1");
        assertThat(metrics.named(MetricNames.TWILIO_LATENCY)).singleElement()
                .satisfies(sample -> {
                    assertThat(sample.value()).isEqualTo(120.0);
                    assertThat(sample.dimensions()).isEqualTo(Map.of("operation", "sendSms"));
                });
        assertThat(metrics.named(MetricNames.TWILIO_ERROR)).isEmpty();
        assertThat(clock.pauses()).isEmpty();
    }

    @Test
    void throttledThenAccepted_isRetriedAfterABackoff() {
        String result = retrier.call(TwilioOperation.SEND_SMS,
                script(Duration.ofMillis(50), AttemptFailure.fromStatus(429), "SM2"));

        assertThat(result).isEqualTo("SM2");
        assertThat(clock.pauses()).containsExactly(Duration.ofMillis(100));
        assertThat(metrics.named(MetricNames.TWILIO_ERROR)).isEmpty();
    }

    @Test
    void unavailableUntilTheBudgetRunsOut_isA504_afterAsManyAttemptsAsFit() {
        // Each answer takes 1 s; attempts fail at 1.0, 2.1, 3.3 and 4.7 s. A fifth would start after an 800 ms pause,
        // at 5.5 s, and may take 4 s (connect + answer timeouts): past the 8 s budget, so it is not made.
        Supplier<String> alwaysUnavailable = () -> {
            clock.advance(Duration.ofSeconds(1));
            throw AttemptFailure.fromStatus(503);
        };

        assertThatThrownBy(() -> retrier.call(TwilioOperation.SEND_SMS, alwaysUnavailable))
                .isInstanceOfSatisfying(ExternalServiceError.class, error -> {
                    assertThat(error.status()).isEqualTo(504);
                    assertThat(error.service()).isEqualTo("twilio");
                    assertThat(error.getMessage()).contains("sendSms gave up after 4 attempts within its 8000 ms budget")
                            .contains("answered HTTP 503");
                });
        assertThat(clock.pauses()).containsExactly(Duration.ofMillis(100), Duration.ofMillis(200), Duration.ofMillis(400));
        assertThat(metrics.named(MetricNames.TWILIO_ERROR)).singleElement()
                .satisfies(sample -> assertThat(sample.dimensions()).containsEntry("operation", "sendSms"));
    }

    @Test
    void twilioRefusal_isA502WithTwiliosCode_andNotRetried() {
        assertThatThrownBy(() -> retrier.call(TwilioOperation.SEND_SMS, script(Duration.ofMillis(80), invalidTo())))
                .isInstanceOfSatisfying(ExternalServiceError.class, error -> {
                    assertThat(error.status()).isEqualTo(502);
                    assertThat(error.providerCode()).isEqualTo(21211);
                    assertThat(error.extensions()).containsEntry("providerCode", 21211).containsEntry("service", "twilio");
                    assertThat(error.getMessage()).isEqualTo("twilio - sendSms rejected: The 'To' number +15005550001"
                            + " is not a valid phone number. (Twilio error 21211)");
                    assertThat(error.getCause()).isInstanceOf(ApiException.class);
                });
        assertThat(clock.pauses()).isEmpty();
        assertThat(metrics.named(MetricNames.TWILIO_ERROR)).hasSize(1);
    }

    @Test
    void lostAnswerToACreate_isA504_withoutRetry() {
        AttemptFailure noAnswer = AttemptFailure.fromIo(new SocketTimeoutException("Read timed out"));

        assertThatThrownBy(() -> retrier.call(TwilioOperation.SEND_SMS, script(Duration.ofSeconds(3), noAnswer, "SM3")))
                .isInstanceOfSatisfying(ExternalServiceError.class, error -> {
                    assertThat(error.status()).isEqualTo(504);
                    assertThat(error.getMessage()).contains("no answer within 3000 ms").contains("not retried");
                });
        assertThat(clock.pauses()).isEmpty();
    }

    @Test
    void lostAnswerToARead_isRetried() {
        AttemptFailure noAnswer = AttemptFailure.fromIo(new SocketTimeoutException("Read timed out"));

        String status = retrier.call(TwilioOperation.CHECK_ACCOUNT, script(Duration.ofSeconds(3), noAnswer, "active"));

        assertThat(status).isEqualTo("active");
        assertThat(metrics.named(MetricNames.TWILIO_LATENCY)).singleElement()
                .satisfies(sample -> assertThat(sample.dimensions()).containsEntry("operation", "checkAccount"));
    }

    @Test
    void connectionRefused_isRetried_evenForACreate() {
        AttemptFailure refused = AttemptFailure.fromIo(new ConnectException("Connection refused"));

        assertThat(retrier.call(TwilioOperation.PLACE_CALL, script(Duration.ofMillis(5), refused, "CA1"))).isEqualTo("CA1");
    }

    @Test
    void connectionBrokenMidCreate_isA502_withoutRetry() {
        AttemptFailure reset = AttemptFailure.fromIo(new SocketException("Connection reset"));

        assertThatThrownBy(() -> retrier.call(TwilioOperation.PLACE_CALL, script(Duration.ofMillis(5), reset, "CA2")))
                .isInstanceOfSatisfying(ExternalServiceError.class, error -> {
                    assertThat(error.status()).isEqualTo(502);
                    assertThat(error.providerCode()).isNull();
                    assertThat(error.getMessage()).contains("placeCall connection broke").contains("not retried");
                });
    }

    @Test
    void interruptedWhileWaiting_isA504_andKeepsTheInterrupt() {
        Retrier interrupted = new Retrier(config, new Backoff(Duration.ofMillis(200), Duration.ofMillis(2000), () -> 0.0),
                clock, pause -> {
                    throw new InterruptedException("shutting down");
                }, metrics);

        assertThatThrownBy(() -> interrupted.call(TwilioOperation.SEND_SMS,
                script(Duration.ofMillis(5), AttemptFailure.fromStatus(503), "SM4")))
                .isInstanceOfSatisfying(ExternalServiceError.class, error -> assertThat(error.status()).isEqualTo(504))
                .hasMessageContaining("interrupted");
        assertThat(Thread.currentThread().isInterrupted()).isTrue();
    }
}
