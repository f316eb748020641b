package com.kin.bulksmsworker;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static com.kin.bulksmsworker.BulkSmsRig.createMessage;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import com.kin.core.error.ExternalServiceError;
import com.kin.core.metrics.MetricsRecorder;
import com.kin.twilio.rest.LoopbackTwilioHttpClient;
import com.kin.twilio.rest.TwilioApiConfig;
import com.kin.twilio.rest.TwilioGateway;
import com.kin.twilio.rest.TwilioHttpClient;
import com.twilio.http.TwilioRestClient;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@link TwilioFailures} against what the real {@link TwilioGateway} (Twilio SDK, retries, time budget) actually throws
 * when WireMock answers as Twilio does in each kind of trouble: the classification is only as good as its reading of
 * those errors.
 */
class TwilioFailuresIT {

    static final MetricsRecorder NO_METRICS = new MetricsRecorder() {
        @Override public void count(String metric, double value, Map<String, String> dimensions) { }
        @Override public void millis(String metric, double millis, Map<String, String> dimensions) { }
    };

    static WireMockServer twilio;
    TwilioHttpClient httpClient;

    @BeforeAll
    static void startTwilio() {
        twilio = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
        twilio.start();
    }

    @AfterAll
    static void stopTwilio() {
        twilio.stop();
    }

    @AfterEach
    void closeClient() throws IOException {
        twilio.resetAll();
        httpClient.close();
    }

    @Test
    void invalidNumber21211_isRefused_withTwilioCode() {
        assertThat(classify(BulkSmsRig.json(400, "error-21211-invalid-to.json")))
                .isEqualTo(new SendFailure(SendFailure.Kind.REFUSED, "21211"));
    }

    @Test
    void clientErrorWithoutCode_isRefused_withHttpStatus() {
        assertThat(classify(aResponse().withStatus(400).withHeader("Content-Type", "application/json")
                .withBody("{\"message\": \"Bad request\", \"status\": 400}")))
                .isEqualTo(new SendFailure(SendFailure.Kind.REFUSED, "http_400"));
    }

    @Test
    void serverErrorsUntilTheBudgetIsSpent_areUnavailable() {
        assertThat(classify(aResponse().withStatus(503)).kind()).isEqualTo(SendFailure.Kind.UNAVAILABLE);
    }

    @Test
    void tooManyRequestsUntilTheBudgetIsSpent_areUnavailable() {
        assertThat(classify(aResponse().withStatus(429)).kind()).isEqualTo(SendFailure.Kind.UNAVAILABLE);
    }

    @Test
    void nothingListening_isUnavailable() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }

        SendFailure failure = TwilioFailures.classify(sendThrough("http://127.0.0.1:" + closedPort));

        assertThat(failure.kind()).isEqualTo(SendFailure.Kind.UNAVAILABLE);
    }

    @Test
    void answerSlowerThanTheAttemptTimeout_isUnknown() {
        assertThat(classify(BulkSmsRig.created().withFixedDelay(BulkSmsRig.SLOWER_THAN_AN_ATTEMPT_MS)))
                .isEqualTo(new SendFailure(SendFailure.Kind.UNKNOWN, "outcome_unknown"));
    }

    @Test
    void connectionResetMidRequest_isUnknown() {
        assertThat(classify(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)).kind())
                .isEqualTo(SendFailure.Kind.UNKNOWN);
    }

    @Test
    void acceptedButUnreadableAnswer_isUnknown() {
        assertThat(classify(aResponse().withStatus(201).withHeader("Content-Type", "application/json")
                .withBody("<html>gateway</html>")).kind()).isEqualTo(SendFailure.Kind.UNKNOWN);
    }

    private SendFailure classify(ResponseDefinitionBuilder answer) {
        twilio.stubFor(createMessage().willReturn(answer));
        return TwilioFailures.classify(sendThrough(twilio.baseUrl()));
    }

    /** Budget and timeouts as the end-to-end tests use them (see BulkSmsRig). */
    private ExternalServiceError sendThrough(String baseUrl) {
        TwilioApiConfig config = new TwilioApiConfig(baseUrl, 4000, 2000, 1000, 100, 200).validated();
        httpClient = new LoopbackTwilioHttpClient(URI.create(baseUrl), Duration.ofMillis(1000), Duration.ofMillis(2000));
        TwilioRestClient client = new TwilioRestClient.Builder(BulkSmsRig.ACCOUNT_SID, BulkSmsRig.AUTH_TOKEN)
                .accountSid(BulkSmsRig.ACCOUNT_SID).httpClient(httpClient).build();
        TwilioGateway gateway = new TwilioGateway(client, config, NO_METRICS, Clock.systemUTC(),
                pause -> Thread.sleep(pause.toMillis()));
        ExternalServiceError error = catchThrowableOfType(ExternalServiceError.class,
                () -> gateway.sendSms("+15558675310", BulkSmsRig.SENDER, "Hello", null));
        assertThat(error).as("the send should have failed").isNotNull();
        return error;
    }
}
