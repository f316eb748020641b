package com.kin.observability.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** With SENTRY_DSN set, a 5xx reaches Sentry (a loopback stand-in for its ingest endpoint) tagged for triage. */
class SentryReportingIT {

    private final List<String> envelopes = new CopyOnWriteArrayList<>();
    private HttpServer sentry;
    private FunctionUnderTest function;

    @BeforeEach
    void start() throws IOException {
        sentry = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        sentry.createContext("/", this::receive);
        sentry.start();
        String dsn = "http://publickey@127.0.0.1:" + sentry.getAddress().getPort() + "/42";
        function = new FunctionUnderTest(Map.of("sentry.dsn", dsn, "sentry.environment", "it"));
    }

    @AfterEach
    void stop() {
        function.close();
        sentry.stop(0);
    }

    @Test
    void serverError_isReportedWithRequestIdAndFunction() {
        function.invoke("get-broken.json", "lambda-invocation-1");

        assertThat(events()).singleElement().satisfies(event -> assertThat(event)
                .contains("\"request_id\":\"Kx1BbhzGIAMEcAQ=\"")
                .contains("\"function\":\"" + FunctionUnderTest.NAME + "\"")
                .contains("\"environment\":\"it\"")
                .contains("IllegalStateException")
                .contains("things - store unreachable"));
    }

    @Test
    void successAndClientError_areNotReported() {
        function.invoke("get-thing.json", "lambda-invocation-2");
        function.invoke("get-unmatched.json", "lambda-invocation-3");

        assertThat(events()).isEmpty();
    }

    /** Reports are flushed before the response returns, so by now anything sent has arrived. */
    private List<String> events() {
        return envelopes.stream().filter(envelope -> envelope.contains("\"type\":\"event\"")).toList();
    }

    private void receive(HttpExchange exchange) throws IOException {
        boolean gzip = "gzip".equalsIgnoreCase(exchange.getRequestHeaders().getFirst("Content-Encoding"));
        try (InputStream body = gzip ? new GZIPInputStream(exchange.getRequestBody()) : exchange.getRequestBody()) {
            envelopes.add(new String(body.readAllBytes(), StandardCharsets.UTF_8));
        }
        byte[] answer = "{}".getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(200, answer.length);
        exchange.getResponseBody().write(answer);
        exchange.close();
    }
}
