package com.kin.local.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.kin.core.error.ExternalServiceError;
import com.kin.core.metrics.MetricsRecorder;
import com.kin.local.LogStream;
import com.kin.local.LoopbackHttpServer;
import com.kin.local.services.twilio.LocalTwilio;
import com.kin.twilio.rest.AccountStatus;
import com.kin.twilio.rest.CallInstructions;
import com.kin.twilio.rest.LoopbackTwilioHttpClient;
import com.kin.twilio.rest.PlacedCall;
import com.kin.twilio.rest.SmsReceipt;
import com.kin.twilio.rest.TwilioApiConfig;
import com.kin.twilio.rest.TwilioGateway;
import com.sun.net.httpserver.HttpServer;
import com.twilio.http.TwilioRestClient;
import com.twilio.security.RequestValidator;
import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The Twilio stand-in of the local runtime, driven as the functions drive Twilio: the real SDK through kin-twilio's
 * TwilioGateway, redirected to it by TWILIO_API_BASE_URL. Its status callbacks arrive at a loopback receiver here and
 * must pass the SDK's own RequestValidator.
 */
class TwilioStandInIT {

    private static final String ACCOUNT_SID = "AC0123456789abcdef0123456789abcdef";
    private static final String AUTH_TOKEN = "local-twilio-auth-token";
    private static final String FROM = "+15017122661";
    private static final String TO = "+14155550100";
    private static final Duration WAIT = Duration.ofSeconds(10);

    /** One callback as the receiver got it. */
    record Received(String path, String signature, Map<String, String> params) {
    }

    private static final BlockingQueue<Received> RECEIVED = new LinkedBlockingQueue<>();
    private static LocalTwilio twilio;
    private static HttpServer receiver;
    private static final List<AutoCloseable> CLIENTS = new ArrayList<>();

    @BeforeAll
    static void start() throws IOException {
        twilio = LocalTwilio.start(ACCOUNT_SID, AUTH_TOKEN, Duration.ofMillis(50), Clock.systemUTC(),
                new LogStream(System.out));
        receiver = LoopbackHttpServer.create(0, 16);
        receiver.createContext("/", exchange -> {
            try (exchange) {
                String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                RECEIVED.add(new Received(exchange.getRequestURI().toString(),
                        exchange.getRequestHeaders().getFirst("X-Twilio-Signature"), form(body)));
                exchange.sendResponseHeaders(204, -1);
            }
        });
        receiver.start();
    }

    @AfterAll
    static void stop() throws Exception {
        for (AutoCloseable client : CLIENTS) {
            client.close();
        }
        if (receiver != null) {
            receiver.stop(0);
        }
        if (twilio != null) {
            twilio.close();
        }
    }

    @BeforeEach
    void clearReceived() {
        RECEIVED.clear();
    }

    @Test
    void sendSms_answersQueuedWithAnSmSid() {
        SmsReceipt receipt = gateway(AUTH_TOKEN).sendSms(TO, FROM, "Your order is ready", null);

        assertThat(receipt.messageSid()).matches("^SM[0-9a-f]{32}$");
        assertThat(receipt.status()).isEqualTo("queued");
    }

    @Test
    void smsWithStatusCallback_postsSentThenDelivered_signedSoTheSdkValidatorAccepts() throws Exception {
        URI callback = URI.create(receiverUrl() + "/fn/TwilioMessagingFunction/sms/status?tenant=a");

        SmsReceipt receipt = gateway(AUTH_TOKEN).sendSms(TO, FROM, "hello", callback);

        Received sent = RECEIVED.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        Received delivered = RECEIVED.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        assertThat(sent).isNotNull();
        assertThat(delivered).isNotNull();
        assertThat(List.of(sent, delivered)).extracting(r -> r.params().get("MessageStatus")).containsExactly("sent", "delivered");
        assertThat(delivered.params()).containsEntry("MessageSid", receipt.messageSid())
                .containsEntry("SmsSid", receipt.messageSid()).containsEntry("AccountSid", ACCOUNT_SID)
                .containsEntry("From", FROM).containsEntry("To", TO);
        RequestValidator validator = new RequestValidator(AUTH_TOKEN);
        for (Received received : List.of(sent, delivered)) {
            assertThat(validator.validate(callback.toString(), received.params(), received.signature()))
                    .as("signature of %s", received).isTrue();
        }
        assertThat(new RequestValidator("another-token").validate(callback.toString(), sent.params(), sent.signature()))
                .isFalse();
    }

    @Test
    void placeCall_postsEveryProgressEventTheGatewayAskedFor() throws Exception {
        URI callback = URI.create(receiverUrl() + "/voice/status");

        PlacedCall call = gateway(AUTH_TOKEN).placeCall(TO, FROM,
                CallInstructions.twiml("<Response><Say>Hi</Say></Response>"), callback);

        assertThat(call.callSid()).matches("^CA[0-9a-f]{32}$");
        assertThat(call.status()).isEqualTo("queued");
        List<Map<String, String>> posted = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            Received received = RECEIVED.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS);
            assertThat(received).as("callback %d of 4", i + 1).isNotNull();
            assertThat(new RequestValidator(AUTH_TOKEN).validate(callback.toString(), received.params(),
                    received.signature())).isTrue();
            posted.add(received.params());
        }
        assertThat(posted).extracting(p -> p.get("CallStatus"))
                .containsExactly("initiated", "ringing", "in-progress", "completed");
        assertThat(posted.get(3)).containsEntry("CallSid", call.callSid()).containsEntry("Direction", "outbound-api")
                .containsKey("CallDuration").containsKey("Timestamp").containsEntry("SequenceNumber", "3");
    }

    @Test
    void magicInvalidNumber_answers21211() {
        assertThatThrownBy(() -> gateway(AUTH_TOKEN).sendSms("+15005550001", FROM, "hi", null))
                .isInstanceOfSatisfying(ExternalServiceError.class, e -> {
                    assertThat(e.providerCode()).isEqualTo(21211);
                    assertThat(e.status()).isEqualTo(502);
                    assertThat(e.getMessage()).contains("Twilio error 21211");
                });
    }

    @Test
    void magicNonMobileNumber_answers21614() {
        assertThatThrownBy(() -> gateway(AUTH_TOKEN).sendSms("+15005550009", FROM, "hi", null))
                .isInstanceOfSatisfying(ExternalServiceError.class, e -> assertThat(e.providerCode()).isEqualTo(21614));
    }

    @Test
    void magicInvalidFrom_answers21212() {
        assertThatThrownBy(() -> gateway(AUTH_TOKEN).sendSms(TO, "+15005550001", "hi", null))
                .isInstanceOfSatisfying(ExternalServiceError.class, e -> assertThat(e.providerCode()).isEqualTo(21212));
    }

    @Test
    void checkAccount_answersTheActiveLocalAccount() {
        AccountStatus account = gateway(AUTH_TOKEN).checkAccount();

        assertThat(account.accountSid()).isEqualTo(ACCOUNT_SID);
        assertThat(account.isActive()).isTrue();
    }

    @Test
    void wrongAuthToken_answers401WithTwiliosError20003() throws Exception {
        assertThatThrownBy(() -> gateway("not-the-token").checkAccount())
                .isInstanceOfSatisfying(ExternalServiceError.class, e -> assertThat(e.providerCode()).isEqualTo(20003));

        HttpResponse<String> unauthenticated = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(twilio.url() + "/2010-04-01/Accounts/" + ACCOUNT_SID + "/Messages.json"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("To=%2B14155550100&From=%2B15017122661&Body=hi")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(unauthenticated.statusCode()).isEqualTo(401);
        assertThat(unauthenticated.body()).contains("\"code\":20003").contains("\"status\":401")
                .contains("https://www.twilio.com/docs/errors/20003");
    }

    @Test
    void callbackToAnotherHost_isNotSent() throws Exception {
        SmsReceipt receipt = gateway(AUTH_TOKEN).sendSms(TO, FROM, "hi", URI.create("http://example.com/sms/status"));
        // A loopback callback sent after it is the next one to arrive, proving the first was never posted.
        SmsReceipt marker = gateway(AUTH_TOKEN).sendSms(TO, FROM, "hi", URI.create(receiverUrl() + "/marker"));

        Received first = RECEIVED.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS);

        assertThat(receipt.status()).isEqualTo("queued");
        assertThat(first).isNotNull();
        assertThat(first.params()).containsEntry("MessageSid", marker.messageSid());
    }

    @Test
    void close_freesThePortAndStopsItsThreads() throws Exception {
        long before = standInThreads();
        LocalTwilio another = LocalTwilio.start(ACCOUNT_SID, AUTH_TOKEN, Duration.ofMillis(50), Clock.systemUTC(),
                new LogStream(System.out));
        URI account = URI.create(another.url() + "/2010-04-01/Accounts/" + ACCOUNT_SID + ".json");
        HttpClient http = HttpClient.newHttpClient();
        assertThat(http.send(HttpRequest.newBuilder(account).build(), HttpResponse.BodyHandlers.ofString()).statusCode())
                .isEqualTo(401);

        another.close();

        assertThatThrownBy(() -> http.send(HttpRequest.newBuilder(account).build(), HttpResponse.BodyHandlers.ofString()))
                .isInstanceOf(IOException.class);
        assertThat(standInThreads()).isLessThanOrEqualTo(before);
    }

    private static long standInThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(thread -> thread.isAlive() && thread.getName().startsWith("local-twilio")).count();
    }

    private static TwilioGateway gateway(String authToken) {
        TwilioApiConfig config = new TwilioApiConfig(twilio.url(), 4000, 2000, 500, 50, 200).validated();
        LoopbackTwilioHttpClient http = new LoopbackTwilioHttpClient(URI.create(twilio.url()),
                Duration.ofMillis(config.connectTimeoutMs()), Duration.ofMillis(config.attemptTimeoutMs()));
        synchronized (CLIENTS) {
            CLIENTS.add(http);
        }
        TwilioRestClient client = new TwilioRestClient.Builder(ACCOUNT_SID, authToken).accountSid(ACCOUNT_SID)
                .httpClient(http).build();
        MetricsRecorder noMetrics = new MetricsRecorder() {
            @Override
            public void count(String metric, double value, Map<String, String> dimensions) {
            }

            @Override
            public void millis(String metric, double millis, Map<String, String> dimensions) {
            }
        };
        return new TwilioGateway(client, config, noMetrics, Clock.systemUTC(), pause -> Thread.sleep(pause.toMillis()));
    }

    private static String receiverUrl() {
        return "http://127.0.0.1:" + receiver.getAddress().getPort();
    }

    private static Map<String, String> form(String body) {
        Map<String, String> params = new LinkedHashMap<>();
        for (String pair : body.split("&")) {
            int equals = pair.indexOf('=');
            params.put(URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8),
                    URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
        }
        return params;
    }
}
