package com.kin.testing;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Twilio's REST API for the tests: WireMock on a free loopback port, answering with Twilio's documented JSON from the
 * test's own {@code src/test/resources/twilio/}. The function's real Twilio SDK reaches it through
 * {@code TWILIO_API_BASE_URL}. One server for the whole test JVM; tests {@link #reset()} it.
 */
public final class TwilioApi {

    public static final String ACCOUNT_SID = "AC0123456789abcdef0123456789abcdef";
    public static final String AUTH_TOKEN = "local-twilio-auth-token";
    public static final String CALLS = "/2010-04-01/Accounts/" + ACCOUNT_SID + "/Calls.json";
    public static final String MESSAGES = "/2010-04-01/Accounts/" + ACCOUNT_SID + "/Messages.json";

    private static final BeforeAnswer BEFORE_ANSWER = new BeforeAnswer();
    private static WireMockServer server;

    private TwilioApi() {
    }

    public static synchronized WireMockServer server() {
        if (server == null) {
            server = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort().extensions(BEFORE_ANSWER));
            server.start();
            Runtime.getRuntime().addShutdownHook(new Thread(server::stop));
        }
        return server;
    }

    public static String baseUrl() {
        return server().baseUrl();
    }

    public static void reset() {
        server().resetAll();
    }

    /** Twilio answers a create at {@code path} (such as {@link #CALLS}) with {@code status} and the fixture's JSON. */
    public static void answer(String path, int status, String fixture) {
        server().stubFor(post(urlPathEqualTo(path)).withBasicAuth(ACCOUNT_SID, AUTH_TOKEN)
                .willReturn(json(status, fixture)));
    }

    /**
     * Twilio answers a create at {@code path} with {@code status} and the fixture's JSON, but first, while the request
     * is held, runs {@code action} (once): something that happens before Twilio's answer reaches the function. Call
     * {@link BeforeAnswer#rethrow()} on {@link #beforeAnswer()} afterwards to see what the action threw.
     */
    public static void answerAfterRunning(String path, int status, String fixture, Runnable action) {
        BEFORE_ANSWER.run(action);
        server().stubFor(post(urlPathEqualTo(path)).withBasicAuth(ACCOUNT_SID, AUTH_TOKEN)
                .willReturn(json(status, fixture).withTransformers(BeforeAnswer.NAME)));
    }

    public static BeforeAnswer beforeAnswer() {
        return BEFORE_ANSWER;
    }

    /** Twilio takes {@code delayMillis}, longer than the function's attempt timeout, to answer with the fixture. */
    public static void answerAfter(String path, int delayMillis, String fixture) {
        server().stubFor(post(urlPathEqualTo(path)).willReturn(json(201, fixture).withFixedDelay(delayMillis)));
    }

    /** The creates the function sent to {@code path}, oldest first. */
    public static List<LoggedRequest> requests(String path) {
        return server().findAll(postRequestedFor(urlPathEqualTo(path)));
    }

    private static ResponseDefinitionBuilder json(int status, String fixture) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(fixture(fixture));
    }

    private static String fixture(String name) {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream("twilio/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture twilio/" + name + " on the test class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
