package com.kin.local.services.twilio;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.kin.local.LogStream;
import com.kin.local.LoopbackHttpServer;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * The local stand-in for Twilio's REST API ({@code api.twilio.com}), on a loopback port: the functions' Twilio SDK is
 * pointed here by {@code TWILIO_API_BASE_URL}. It checks HTTP basic auth against the local test account, answers what
 * {@link TwilioRestApi} answers and posts status callbacks through {@link CallbackSender}. It sends no SMS and places no
 * call: a message is "delivered" and a call "completed" a few callback steps later, and a call's TwiML is not fetched.
 */
public final class LocalTwilio implements AutoCloseable {

    /** Time between two status callbacks of one message or call. */
    public static final Duration DEFAULT_CALLBACK_STEP = Duration.ofMillis(200);
    private static final int THREADS = 4;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final ExecutorService executor;
    private final CallbackSender callbacks;
    private final TwilioRestApi api;
    private final byte[] expectedAuthorization;

    private LocalTwilio(HttpServer server, ExecutorService executor, CallbackSender callbacks, TwilioRestApi api,
                        String accountSid, String authToken) {
        this.server = server;
        this.executor = executor;
        this.callbacks = callbacks;
        this.api = api;
        String credentials = accountSid + ":" + authToken;
        this.expectedAuthorization = ("Basic " + Base64.getEncoder().encodeToString(
                credentials.getBytes(StandardCharsets.UTF_8))).getBytes(StandardCharsets.UTF_8);
    }

    /** Serves the account {@code accountSid} / {@code authToken} on a free loopback port. */
    public static LocalTwilio start(String accountSid, String authToken, Duration callbackStep, Clock clock,
                                    LogStream log) throws IOException {
        HttpServer server = LoopbackHttpServer.create(0, 64);
        ExecutorService executor = Executors.newFixedThreadPool(THREADS, runnable -> {
            Thread thread = new Thread(runnable, "local-twilio");
            thread.setDaemon(true);
            return thread;
        });
        CallbackSender callbacks = new CallbackSender(authToken, callbackStep, clock, log);
        LocalTwilio twilio = new LocalTwilio(server, executor, callbacks,
                new TwilioRestApi(accountSid, clock, callbacks), accountSid, authToken);
        server.createContext("/", twilio::answer);
        server.setExecutor(executor);
        server.start();
        return twilio;
    }

    /** What TWILIO_API_BASE_URL is set to: {@code http://127.0.0.1:PORT}. */
    public String url() {
        return "http://" + server.getAddress().getAddress().getHostAddress() + ":" + server.getAddress().getPort();
    }

    private void answer(HttpExchange exchange) throws IOException {
        try (exchange) {
            String body;
            try (InputStream in = exchange.getRequestBody()) {
                body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            TwilioRestApi.Answer answer = authenticated(exchange)
                    ? api.handle(exchange.getRequestMethod(), exchange.getRequestURI().getPath(), body)
                    : TwilioRestApi.Answer.of(TwilioError.authenticate());
            if (answer.status() == 401) {
                exchange.getResponseHeaders().add("WWW-Authenticate", "Basic realm=\"Twilio API\"");
            }
            send(exchange, answer);
        }
    }

    /** HTTP basic auth with the account SID and auth token, compared in constant time as any secret is. */
    private boolean authenticated(HttpExchange exchange) {
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        return authorization != null
                && MessageDigest.isEqual(expectedAuthorization, authorization.trim().getBytes(StandardCharsets.UTF_8));
    }

    private static void send(HttpExchange exchange, TwilioRestApi.Answer answer) throws IOException {
        byte[] bytes = JSON.writeValueAsBytes(answer.body());
        exchange.getResponseHeaders().add("Content-Type", "application/json; charset=utf-8");
        exchange.sendResponseHeaders(answer.status(), bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        callbacks.close();
        executor.shutdownNow();
        try {
            executor.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
