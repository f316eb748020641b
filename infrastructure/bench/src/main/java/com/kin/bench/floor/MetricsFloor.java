package com.kin.bench.floor;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.List;
import java.util.Optional;

/**
 * The metrics function's floor: it has no database; its report on the local platform is LocalMetricsSource's work for
 * ReportBuilder: GET METRICS_LOCAL_URL/series for each discovered metric, then, when a series was found, one POST /data
 * with every statistic of the plan ({@link MetricsFloorPlan}), with the JDK's HTTP client as the function uses it.
 * The window is ?window= (PT15M in the sample) ending at the next whole minute.
 */
public record MetricsFloor(List<String> metrics) implements FloorWork {

    private static final ObjectMapper JSON = new ObjectMapper();

    public MetricsFloor {
        metrics = List.copyOf(metrics);
    }

    @Override
    public Result run(FloorRequest request) throws IOException, InterruptedException {
        String base = request.env("METRICS_LOCAL_URL").replaceAll("/+$", "") + "/";
        String namespace = namespace(request);
        Duration timeout = Duration.ofMillis(Long.parseLong(request.env("METRICS_TIMEOUT_MS")));
        HttpClient http = HttpClient.newBuilder().connectTimeout(timeout).build();
        Map<String, JsonNode> listed = new LinkedHashMap<>();
        for (String metric : metrics) {
            listed.put(metric, send(http, HttpRequest.newBuilder(URI.create(seriesUri(base, namespace, metric))).GET(),
                    timeout));
        }
        MetricsFloorPlan plan = MetricsFloorPlan.of(listed);
        ObjectNode body = JSON.createObjectNode();
        body.set("series", JSON.valueToTree(listed));
        if (!plan.isEmpty()) {
            Instant end = MetricsFloorPlan.windowEnd(Instant.now());
            byte[] data = JSON.writeValueAsBytes(plan.dataRequest(namespace, end.minus(window(request)), end));
            body.set("data", send(http, HttpRequest.newBuilder(URI.create(base + "data"))
                    .header("content-type", "application/json").POST(HttpRequest.BodyPublishers.ofByteArray(data)),
                    timeout));
        }
        return new Result(200, JSON.writeValueAsString(body));
    }

    static String seriesUri(String base, String namespace, String metric) {
        return base + "series?namespace=" + URLEncoder.encode(namespace, StandardCharsets.UTF_8)
                + "&metric=" + URLEncoder.encode(metric, StandardCharsets.UTF_8);
    }

    /** POWERTOOLS_METRICS_NAMESPACE, KIN when unset (as the function's MetricsConfig). */
    static String namespace(FloorRequest request) {
        return Optional.ofNullable(request.environment().apply("POWERTOOLS_METRICS_NAMESPACE"))
                .filter(value -> !value.isBlank()).orElse("KIN");
    }

    /** ?window=, or METRICS_RETENTION_TIME (milliseconds) when absent, as ReportWindow.resolve. */
    static Duration window(FloorRequest request) {
        String window = request.query("window");
        return window == null || window.isBlank() ? Duration.ofMillis(Long.parseLong(request.env("METRICS_RETENTION_TIME")))
                : Duration.parse(window.strip());
    }

    private static JsonNode send(HttpClient http, HttpRequest.Builder request, Duration timeout)
            throws IOException, InterruptedException {
        HttpRequest built = request.timeout(timeout).build();
        HttpResponse<byte[]> response = http.send(built, HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() != 200) {
            throw new IOException("floor - metrics: " + built.uri() + " answered " + response.statusCode());
        }
        return JSON.readTree(response.body());
    }
}
