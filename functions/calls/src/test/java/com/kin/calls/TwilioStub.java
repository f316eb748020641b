package com.kin.calls;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.matching.RequestPatternBuilder;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Twilio's REST API for the tests: WireMock on a free loopback port, answering with Twilio's documented JSON
 * ({@code src/test/resources/twilio/}). The function's real Twilio SDK reaches it through {@code TWILIO_API_BASE_URL}.
 * One server for the whole test JVM; tests {@link #reset()} it.
 */
final class TwilioStub {

    static final String ACCOUNT_SID = "AC0123456789abcdef0123456789abcdef";
    static final String AUTH_TOKEN = "local-twilio-auth-token";
    static final String CALLS = "/2010-04-01/Accounts/" + ACCOUNT_SID + "/Calls.json";

    private static WireMockServer server;

    private TwilioStub() {
    }

    static synchronized WireMockServer server() {
        if (server == null) {
            server = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
            server.start();
            Runtime.getRuntime().addShutdownHook(new Thread(server::stop));
        }
        return server;
    }

    static String baseUrl() {
        return server().baseUrl();
    }

    static void reset() {
        server().resetAll();
    }

    /** Twilio answers call creation with {@code status} and the fixture's JSON. */
    static void answerCalls(int status, String fixture) {
        server().stubFor(post(urlPathEqualTo(CALLS)).withBasicAuth(ACCOUNT_SID, AUTH_TOKEN)
                .willReturn(json(status, fixture)));
    }

    /** Twilio takes longer than the function's attempt timeout to answer. */
    static void answerCallsAfter(int delayMillis) {
        server().stubFor(post(urlPathEqualTo(CALLS)).willReturn(json(201, "call-queued.json")
                .withFixedDelay(delayMillis)));
    }

    static List<LoggedRequest> callRequests() {
        RequestPatternBuilder pattern = postRequestedFor(urlPathEqualTo(CALLS));
        return server().findAll(pattern);
    }

    private static ResponseDefinitionBuilder json(int status, String fixture) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(fixture(fixture));
    }

    private static String fixture(String name) {
        try (InputStream in = TwilioStub.class.getResourceAsStream("/twilio/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture twilio/" + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
