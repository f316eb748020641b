package com.kin.twilio.rest;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static com.kin.twilio.support.Fixtures.ACCOUNT_SID;
import static com.kin.twilio.support.Fixtures.AUTH_TOKEN;
import static com.kin.twilio.support.Fixtures.twilioJson;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.kin.core.error.ExternalServiceError;
import com.kin.observability.testing.CapturedLogs;
import com.kin.twilio.credentials.TwilioCredentials;
import com.kin.twilio.support.RecordingMetrics;
import com.kin.twilio.support.SteppingClock;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.config.Configurator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The Twilio auth token never reaches a log line, even with every logger at DEBUG: the SDK and its HTTP client (which
 * logs request headers at DEBUG, Basic authorization included) around a sent SMS and a refused one, through the
 * project's own log4j2.xml.
 */
class TwilioLogSecretsIT {

    private static final String MESSAGES = "/2010-04-01/Accounts/" + ACCOUNT_SID + "/Messages.json";
    private static final String BASIC = Base64.getEncoder()
            .encodeToString((ACCOUNT_SID + ":" + AUTH_TOKEN).getBytes(StandardCharsets.UTF_8));

    private final WireMockServer twilio = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
    private TwilioHttpClient httpClient;

    @BeforeEach
    void start() {
        twilio.start();
        // As Powertools does for POWERTOOLS_LOG_LEVEL=DEBUG: every logger, not only the root.
        Configurator.setAllLevels(LogManager.ROOT_LOGGER_NAME, Level.DEBUG);
    }

    @AfterEach
    void stop() throws Exception {
        // Back to log4j2.xml's levels for the tests that follow in this JVM.
        ((LoggerContext) LogManager.getContext(false)).reconfigure();
        if (httpClient != null) {
            httpClient.close();
        }
        twilio.stop();
    }

    @Test
    void debugLogsOfSentAndRefusedSms_neverCarryTheAuthToken() {
        twilio.stubFor(post(urlPathEqualTo(MESSAGES)).inScenario("two sends").willReturn(aResponse().withStatus(201)
                .withHeader("Content-Type", "application/json").withBody(twilioJson("message-queued.json")))
                .willSetStateTo("refuse"));
        twilio.stubFor(post(urlPathEqualTo(MESSAGES)).inScenario("two sends").whenScenarioStateIs("refuse")
                .willReturn(aResponse().withStatus(400).withHeader("Content-Type", "application/json")
                        .withBody("{\"code\": 21211, \"message\": \"The 'To' number +15005550001 is not a valid phone "
                                + "number.\", \"status\": 400}")));
        TwilioGateway gateway = gateway();

        try (CapturedLogs logs = CapturedLogs.start()) {
            gateway.sendSms("+15558675310", "+15017122661", "hello", URI.create("https://hooks.kin.example/sms/status"));
            assertThatThrownBy(() -> gateway.sendSms("+15005550001", "+15017122661", "hello", null))
                    .isInstanceOf(ExternalServiceError.class);

            assertThat(logs.lines()).as("DEBUG lines of the SDK and its HTTP client are captured")
                    .anySatisfy(line -> assertThat(line.path("level").asText()).isEqualTo("DEBUG"));
            assertThat(logs.raw()).doesNotContain(AUTH_TOKEN).doesNotContain(BASIC);
        }
    }

    private TwilioGateway gateway() {
        TwilioApiConfig config = new TwilioApiConfig(twilio.baseUrl(), 3500, 2000, 500, 400, 1600).validated();
        httpClient = TwilioClientFactory.httpClient(config);
        SteppingClock clock = new SteppingClock();
        Retrier retrier = new Retrier(config, new Backoff(Duration.ofMillis(400), Duration.ofMillis(1600), () -> 0.0),
                clock, clock, new RecordingMetrics());
        return new TwilioGateway(TwilioClientFactory.restClient(
                TwilioCredentials.of(ACCOUNT_SID, AUTH_TOKEN, null, null), httpClient), retrier);
    }
}
