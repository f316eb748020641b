package com.kin.load.traffic;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.kin.load.report.Outcome;
import com.kin.load.report.Recorder;
import com.kin.load.traffic.mix.ActionMix;
import com.kin.load.traffic.mix.HttpCall;
import com.kin.load.traffic.mix.Session;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.LongAdder;

/**
 * Sends a planned request without blocking the scheduler (through the in-flight limit, asynchronously), records its
 * outcome against its intended start, and lets its action learn from a successful JSON answer.
 */
public final class Dispatcher {

    /** Beyond the gateway's own 30-second integration timeout, so that its 503 is what a slow function shows. */
    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(35);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient client;
    private final String gateway;
    private final InFlightLimit limit;
    private final LongAdder unreadable = new LongAdder();

    public Dispatcher(HttpClient client, URI gateway, InFlightLimit limit) {
        this.client = client;
        this.gateway = gateway.toString().replaceAll("/+$", "");
        this.limit = limit;
    }

    public static HttpClient newClient() {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    public void send(Session session, ActionMix.Planned planned, long intended, Recorder recorder) {
        HttpRequest request = request(session, planned.call());
        String route = planned.call().route().key();
        recorder.scheduled(intended);
        limit.submit(() -> {
            long sent = System.nanoTime();
            client.sendAsync(request, HttpResponse.BodyHandlers.ofString()).whenComplete((response, error) -> {
                long end = System.nanoTime();
                // Recorded before the slot is released: the drain ends when the limit is idle, and an outcome
                // recorded after that would be lost (neither answered nor unfinished).
                try {
                    if (response != null) {
                        recorder.record(new Outcome(route, intended, sent, end, response.statusCode(), null,
                                response.headers().firstValue("x-cache").orElse(null)));
                        learn(session, planned, response);
                    } else {
                        recorder.record(new Outcome(route, intended, sent, end, 0, failure(error), null));
                    }
                } finally {
                    limit.release();
                }
            });
        });
    }

    /** A status (or failure kind) and the start of the body, for a request sent outside the schedule. */
    public record Answer(String status, String body) {
    }

    /** Sends one request and waits for its answer, outside the schedule and unrecorded (priming). */
    public Answer sendNow(Session session, ActionMix.Planned planned) throws InterruptedException {
        try {
            HttpResponse<String> response = client.send(request(session, planned.call()), HttpResponse.BodyHandlers.ofString());
            learn(session, planned, response);
            String body = response.body();
            return new Answer(String.valueOf(response.statusCode()), body.substring(0, Math.min(body.length(), 300)));
        } catch (IOException e) {
            return new Answer(failure(e), String.valueOf(e.getMessage()));
        }
    }

    HttpRequest request(Session session, HttpCall call) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(gateway + call.pathAndQuery()))
                .timeout(REQUEST_TIMEOUT)
                .header("accept", call.isWebhook() ? "*/*" : "application/json")
                .header("user-agent", "kin-load");
        if (!call.isWebhook()) {
            builder.header("authorization", "Bearer " + session.token());
        }
        call.headers().forEach(builder::header);
        HttpRequest.BodyPublisher body = call.body() == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(call.body());
        return builder.method(call.route().method(), body).build();
    }

    private void learn(Session session, ActionMix.Planned planned, HttpResponse<String> response) {
        boolean json = response.headers().firstValue("content-type").map(type -> type.contains("json")).orElse(false);
        if (response.statusCode() / 100 != 2 || !json || response.body().isEmpty()) {
            return;
        }
        try {
            JsonNode body = JSON.readTree(response.body());
            planned.action().learn().accept(session, body);
        } catch (IOException | RuntimeException e) {
            // The outcome is recorded by its status already; the run goes on, and the count says something was off.
            unreadable.increment();
        }
    }

    /** Successful JSON answers the tool could not learn from (a malformed body or an unexpected shape). */
    public long unreadable() {
        return unreadable.sum();
    }

    /** The kind of a transport failure, as errors are counted: timeout, connect or io. */
    static String failure(Throwable error) {
        Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
        if (cause instanceof HttpTimeoutException) {
            return "timeout";
        }
        if (cause instanceof ConnectException) {
            return "connect";
        }
        return "io";
    }
}
