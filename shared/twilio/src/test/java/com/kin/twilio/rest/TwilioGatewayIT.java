package com.kin.twilio.rest;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.notContaining;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static com.kin.twilio.support.Fixtures.ACCOUNT_SID;
import static com.kin.twilio.support.Fixtures.AUTH_TOKEN;
import static com.kin.twilio.support.Fixtures.twilioJson;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.kin.core.error.ExternalServiceError;
import com.kin.observability.metrics.MetricNames;
import com.kin.twilio.credentials.TwilioCredentials;
import com.kin.twilio.support.RecordingMetrics;
import com.kin.twilio.support.SteppingClock;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The real Twilio SDK, through {@link LoopbackTwilioHttpClient}, against WireMock answering as Twilio does. */
class TwilioGatewayIT {

    static final String MESSAGES = "/2010-04-01/Accounts/" + ACCOUNT_SID + "/Messages.json";
    static final String CALLS = "/2010-04-01/Accounts/" + ACCOUNT_SID + "/Calls.json";
    static final String ACCOUNT = "/2010-04-01/Accounts/" + ACCOUNT_SID + ".json";
    static final String API_KEY = "SK0123456789abcdef0123456789abcdef";

    static WireMockServer twilio;

    final SteppingClock clock = new SteppingClock();
    final RecordingMetrics metrics = new RecordingMetrics();
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

    @BeforeEach
    void resetStubs() {
        twilio.resetAll();
    }

    @AfterEach
    void closeClient() throws IOException {
        if (httpClient != null) {
            httpClient.close();
        }
    }

    /**
     * 3.5 s budget, 2 s to answer (generous: the machine is shared), 500 ms to connect, pauses 200/400/800 ms. The clock
     * moves only with the pauses, so exactly three attempts fit: the third ends at 0.6 s and a fourth, after 800 ms,
     * could run until 3.9 s.
     */
    TwilioGateway gateway(String baseUrl, TwilioCredentials credentials) {
        TwilioApiConfig config = new TwilioApiConfig(baseUrl, 3500, 2000, 500, 400, 1600).validated();
        httpClient = TwilioClientFactory.httpClient(config);
        Retrier retrier = new Retrier(config, new Backoff(Duration.ofMillis(400), Duration.ofMillis(1600), () -> 0.0),
                clock, clock, metrics);
        return new TwilioGateway(TwilioClientFactory.restClient(credentials, httpClient), retrier);
    }

    TwilioGateway gateway() {
        return gateway(twilio.baseUrl(), TwilioCredentials.of(ACCOUNT_SID, AUTH_TOKEN, null, null));
    }

    static MappingBuilder createMessage() {
        return post(urlPathEqualTo(MESSAGES)).withBasicAuth(ACCOUNT_SID, AUTH_TOKEN);
    }

    static ResponseDefinitionBuilder json(int status, String fixture) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(twilioJson(fixture));
    }

    @Test
    void sendSms_accepted_returnsSidAndStatus_andSendsTheFormTwilioExpects() {
        twilio.stubFor(createMessage().willReturn(json(201, "message-queued.json")));

        SmsReceipt receipt = gateway().sendSms("+15558675310", "+15017122661", "Your appointment is confirmed.",
                URI.create("https://hooks.kin.example/messages/status"));

        assertThat(receipt).isEqualTo(new SmsReceipt("SM1f0e8ae6ade43cb3c0ce4525424e404f", "queued"));
        twilio.verify(1, postRequestedFor(urlPathEqualTo(MESSAGES))
                .withHeader("Host", equalTo("api.twilio.com"))
                .withRequestBody(containing("To=%2B15558675310"))
                .withRequestBody(containing("From=%2B15017122661"))
                .withRequestBody(containing("Body=Your+appointment+is+confirmed."))
                .withRequestBody(containing("StatusCallback=https%3A%2F%2Fhooks.kin.example%2Fmessages%2Fstatus")));
        assertThat(metrics.named(MetricNames.TWILIO_LATENCY)).hasSize(1);
        assertThat(metrics.named(MetricNames.TWILIO_ERROR)).isEmpty();
    }

    @Test
    void sendSms_throughMessagingService_sendsItsSidInsteadOfFrom() {
        twilio.stubFor(createMessage().willReturn(json(201, "message-queued.json")));

        gateway().sendSms("+15558675310", "MG0123456789abcdef0123456789abcdef", "Hi", null);

        twilio.verify(postRequestedFor(urlPathEqualTo(MESSAGES))
                .withRequestBody(containing("MessagingServiceSid=MG0123456789abcdef0123456789abcdef"))
                .withRequestBody(notContaining("From=")));
    }

    @Test
    void sendSms_invalidTo_is502CarryingTwiliosErrorCode() {
        twilio.stubFor(createMessage().willReturn(json(400, "error-21211-invalid-to.json")));

        assertThatThrownBy(() -> gateway().sendSms("+15005550001", "+15017122661", "Hi", null))
                .isInstanceOfSatisfying(ExternalServiceError.class, error -> {
                    assertThat(error.status()).isEqualTo(502);
                    assertThat(error.providerCode()).isEqualTo(21211);
                    assertThat(error.extensions()).containsEntry("providerCode", 21211);
                    assertThat(error.getMessage()).contains("not a valid phone number").contains("Twilio error 21211");
                });
        twilio.verify(1, postRequestedFor(urlPathEqualTo(MESSAGES)));
        assertThat(metrics.named(MetricNames.TWILIO_ERROR)).singleElement()
                .satisfies(sample -> assertThat(sample.dimensions()).containsEntry("operation", "sendSms"));
    }

    @Test
    void sendSms_throttledOnce_isRetriedAndSucceeds() {
        twilio.stubFor(createMessage().inScenario("throttle").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(json(429, "error-20429-too-many-requests.json")).willSetStateTo("throttled"));
        twilio.stubFor(createMessage().inScenario("throttle").whenScenarioStateIs("throttled")
                .willReturn(json(201, "message-queued.json")));

        SmsReceipt receipt = gateway().sendSms("+15558675310", "+15017122661", "Hi", null);

        assertThat(receipt.messageSid()).isEqualTo("SM1f0e8ae6ade43cb3c0ce4525424e404f");
        twilio.verify(2, postRequestedFor(urlPathEqualTo(MESSAGES)));
        assertThat(clock.pauses()).containsExactly(Duration.ofMillis(200));
    }

    @Test
    void sendSms_unavailableThreeTimes_exhaustsTheBudget_is504() {
        // A load balancer's 503 is not Twilio's JSON: the status must still be seen and retried.
        twilio.stubFor(createMessage().willReturn(aResponse().withStatus(503)
                .withHeader("Content-Type", "text/html").withBody("<html><body>Service Unavailable</body></html>")));

        assertThatThrownBy(() -> gateway().sendSms("+15558675310", "+15017122661", "Hi", null))
                .isInstanceOfSatisfying(ExternalServiceError.class, error -> {
                    assertThat(error.status()).isEqualTo(504);
                    assertThat(error.getMessage()).contains("gave up after 3 attempts").contains("HTTP 503");
                });
        twilio.verify(3, postRequestedFor(urlPathEqualTo(MESSAGES)));
        assertThat(clock.pauses()).containsExactly(Duration.ofMillis(200), Duration.ofMillis(400));
    }

    @Test
    void sendSms_answerSlowerThanTheAttemptTimeout_is504_andNotResent() {
        twilio.stubFor(createMessage().willReturn(json(201, "message-queued.json").withFixedDelay(4000)));

        assertThatThrownBy(() -> gateway().sendSms("+15558675310", "+15017122661", "Hi", null))
                .isInstanceOfSatisfying(ExternalServiceError.class, error -> {
                    assertThat(error.status()).isEqualTo(504);
                    assertThat(error.getMessage()).contains("no answer within 2000 ms");
                });
        twilio.verify(1, postRequestedFor(urlPathEqualTo(MESSAGES)));
    }

    @Test
    void sendSms_nothingListening_isRetriedThen504() throws IOException {
        TwilioGateway unreachable = gateway("http://127.0.0.1:" + closedPort(),
                TwilioCredentials.of(ACCOUNT_SID, AUTH_TOKEN, null, null));

        assertThatThrownBy(() -> unreachable.sendSms("+15558675310", "+15017122661", "Hi", null))
                .isInstanceOfSatisfying(ExternalServiceError.class, error -> {
                    assertThat(error.status()).isEqualTo(504);
                    assertThat(error.getMessage()).contains("gave up after 3 attempts").contains("could not connect");
                });
    }

    @Test
    void placeCall_withTwimlUrl_returnsCallSid_andAsksForProgressEvents() {
        twilio.stubFor(post(urlPathEqualTo(CALLS)).withBasicAuth(ACCOUNT_SID, AUTH_TOKEN)
                .willReturn(json(201, "call-queued.json")));

        PlacedCall call = gateway().placeCall("+15558675310", "+15017122661",
                CallInstructions.url(URI.create("https://hooks.kin.example/voice/outbound")),
                URI.create("https://hooks.kin.example/voice/status"));

        assertThat(call).isEqualTo(new PlacedCall("CA42ed11f93dc08b952027ffbc406d0868", "queued"));
        twilio.verify(postRequestedFor(urlPathEqualTo(CALLS))
                .withRequestBody(containing("Url=https%3A%2F%2Fhooks.kin.example%2Fvoice%2Foutbound"))
                .withRequestBody(containing("StatusCallbackEvent=initiated"))
                .withRequestBody(containing("StatusCallbackEvent=completed")));
    }

    @Test
    void placeCall_withInlineTwiml_sendsIt() {
        twilio.stubFor(post(urlPathEqualTo(CALLS)).willReturn(json(201, "call-queued.json")));

        gateway().placeCall("+15558675310", "+15017122661", CallInstructions.twiml("<Response><Say>Hi</Say></Response>"), null);

        twilio.verify(postRequestedFor(urlPathEqualTo(CALLS))
                .withRequestBody(containing("Twiml=%3CResponse%3E%3CSay%3EHi%3C%2FSay%3E%3C%2FResponse%3E")));
    }

    @Test
    void checkAccount_withApiKey_authenticatesWithTheKeyPair() {
        twilio.stubFor(get(urlPathEqualTo(ACCOUNT)).withBasicAuth(API_KEY, "key-secret")
                .willReturn(json(200, "account-active.json")));

        AccountStatus account = gateway(twilio.baseUrl(), TwilioCredentials.of(ACCOUNT_SID, AUTH_TOKEN, API_KEY, "key-secret"))
                .checkAccount();

        assertThat(account.accountSid()).isEqualTo(ACCOUNT_SID);
        assertThat(account.isActive()).isTrue();
    }

    @Test
    void checkAccount_slowOnce_isRetried_becauseReadingTwiceIsHarmless() {
        twilio.stubFor(get(urlPathEqualTo(ACCOUNT)).inScenario("slow").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(json(200, "account-active.json").withFixedDelay(4000)).willSetStateTo("recovered"));
        twilio.stubFor(get(urlPathEqualTo(ACCOUNT)).inScenario("slow").whenScenarioStateIs("recovered")
                .willReturn(json(200, "account-active.json")));

        assertThat(gateway().checkAccount().status()).isEqualTo("active");
        twilio.verify(2, getRequestedFor(urlPathEqualTo(ACCOUNT)));
    }

    /** A loopback port nothing listens on: bound by the OS, then released. */
    static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
