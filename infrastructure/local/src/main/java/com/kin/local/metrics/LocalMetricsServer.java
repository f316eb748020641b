package com.kin.local.metrics;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.kin.local.LoopbackHttpServer;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The local stand-in for CloudWatch's metric reads, on a loopback port of its own, answered from {@link LocalMetricStore}.
 * The metrics function's local source is its only client (METRICS_LOCAL_URL); the contract is in the module README.
 *
 * <ul>
 *   <li>{@code GET /_local/metrics/series?namespace=KIN&metric=RequestCount}: every dimension set the metric was
 *       recorded under within the retention window, {@code {"series":[{"dimensions":{...}}, ...]}}.</li>
 *   <li>{@code POST /_local/metrics/data} with {@code {"namespace","start","end","queries":[{"id","metric","dimensions",
 *       "stat"}]}}: each statistic over the minutes in [start, end), {@code {"results":[{"id","value","sampleCount"}],
 *       "complete":true,"refusedLines":0}}.</li>
 * </ul>
 */
public final class LocalMetricsServer implements AutoCloseable {

    public static final String BASE_PATH = "/_local/metrics";
    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    /** The body of a data request. */
    record DataRequest(String namespace, String start, String end, List<LocalMetricStore.Query> queries) {
    }

    private final HttpServer server;
    private final ExecutorService executor;
    private final LocalMetricStore store;

    private LocalMetricsServer(HttpServer server, ExecutorService executor, LocalMetricStore store) {
        this.server = server;
        this.executor = executor;
        this.store = store;
    }

    /** Serves {@code store} on a free loopback port. */
    public static LocalMetricsServer start(LocalMetricStore store) throws IOException {
        HttpServer server = LoopbackHttpServer.create(0, 16);
        ExecutorService executor = Executors.newFixedThreadPool(2, runnable -> {
            Thread thread = new Thread(runnable, "local-metrics");
            thread.setDaemon(true);
            return thread;
        });
        LocalMetricsServer metrics = new LocalMetricsServer(server, executor, store);
        server.createContext(BASE_PATH + "/series", exchange -> metrics.answer(exchange, "GET", metrics::series));
        server.createContext(BASE_PATH + "/data", exchange -> metrics.answer(exchange, "POST", metrics::data));
        server.setExecutor(executor);
        server.start();
        return metrics;
    }

    /** What METRICS_LOCAL_URL is set to: {@code http://127.0.0.1:PORT/_local/metrics}. */
    public String url() {
        return "http://" + server.getAddress().getAddress().getHostAddress() + ":" + server.getAddress().getPort() + BASE_PATH;
    }

    private interface Handler {
        Object handle(HttpExchange exchange) throws IOException;
    }

    private void answer(HttpExchange exchange, String method, Handler handler) throws IOException {
        try (exchange) {
            if (!method.equals(exchange.getRequestMethod())) {
                exchange.getResponseHeaders().add("Allow", method);
                send(exchange, 405, Map.of("message", "local metrics - " + exchange.getRequestURI().getPath()
                        + " answers " + method + " only"));
                return;
            }
            try {
                send(exchange, 200, handler.handle(exchange));
            } catch (IllegalArgumentException | JsonProcessingException e) {
                send(exchange, 400, Map.of("message", "local metrics - bad request: " + e.getMessage()));
            } catch (RuntimeException e) {
                // The client is the metrics function: it turns this into a 502 that names the cause.
                send(exchange, 500, Map.of("message", "local metrics - failed: " + e));
            }
        }
    }

    private Object series(HttpExchange exchange) {
        Map<String, String> parameters = parameters(exchange.getRequestURI().getRawQuery());
        String namespace = required(parameters, "namespace");
        String metric = required(parameters, "metric");
        List<Map<String, Object>> series = store.series(namespace, metric).stream()
                .map(dimensions -> Map.<String, Object>of("dimensions", dimensions)).toList();
        return Map.of("series", series);
    }

    private Object data(HttpExchange exchange) throws IOException {
        DataRequest request;
        try (InputStream body = exchange.getRequestBody()) {
            request = JSON.readValue(body, DataRequest.class);
        }
        if (request == null || request.namespace() == null || request.start() == null || request.end() == null
                || request.queries() == null) {
            throw new IllegalArgumentException("namespace, start, end and queries are required");
        }
        Instant start = instant("start", request.start());
        Instant end = instant("end", request.end());
        if (!start.isBefore(end)) {
            throw new IllegalArgumentException("start must be before end");
        }
        for (LocalMetricStore.Query query : request.queries()) {
            if (query.id() == null || query.metric() == null || query.dimensions() == null) {
                throw new IllegalArgumentException("every query needs id, metric, dimensions and stat");
            }
        }
        List<LocalMetricStore.Answer> results = store.query(request.namespace(), request.queries(), start, end);
        return Map.of("results", results, "complete", store.complete(start), "refusedLines", store.refusedLines());
    }

    private static Instant instant(String name, String value) {
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(name + " must be an ISO-8601 instant, e.g. 2026-11-24T06:00:00Z", e);
        }
    }

    private static String required(Map<String, String> parameters, String name) {
        String value = parameters.get(name);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " is required");
        }
        return value;
    }

    private static Map<String, String> parameters(String rawQuery) {
        Map<String, String> parameters = new HashMap<>();
        if (rawQuery == null) {
            return parameters;
        }
        for (String pair : rawQuery.split("&")) {
            int equals = pair.indexOf('=');
            if (equals > 0) {
                parameters.put(URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
            }
        }
        return parameters;
    }

    private static void send(HttpExchange exchange, int status, Object body) throws IOException {
        byte[] bytes = JSON.writeValueAsBytes(body);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
