package com.kin.metrics.source;

import com.kin.core.error.ExternalServiceError;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import io.micronaut.serde.annotation.Serdeable;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The figures of the local platform: the local runtime keeps the EMF documents every function prints and answers the
 * questions CloudWatch would, at {@code METRICS_LOCAL_URL} ({@code /series} and {@code /data}; the contract is in
 * infrastructure/local's README and {@code com.kin.local.metrics.LocalMetricsServer}).
 */
public final class LocalMetricsSource implements MetricsSource {

    private static final String SERVICE = "local-metrics";

    @Serdeable
    record SeriesEntry(Map<String, String> dimensions) {
    }

    @Serdeable
    record SeriesResponse(List<SeriesEntry> series) {
    }

    @Serdeable
    record DataRequest(String namespace, String start, String end, List<StatQuery> queries) {
    }

    @Serdeable
    record DataResult(String id, @Nullable Double value, long sampleCount) {
    }

    @Serdeable
    record DataResponse(List<DataResult> results, boolean complete) {
    }

    private final URI base;
    private final HttpClient http;
    private final JsonMapper json;
    private final Duration timeout;

    public LocalMetricsSource(URI base, HttpClient http, JsonMapper json, Duration timeout) {
        this.base = URI.create(base.toString().replaceAll("/+$", "") + "/");
        this.http = http;
        this.json = json;
        this.timeout = timeout;
    }

    @Override
    public String name() {
        return "local";
    }

    /** The local store keeps only the retention window, so every series it lists is recent enough. */
    @Override
    public SeriesList series(String namespace, String metric, Duration lookback) {
        URI uri = base.resolve("series?namespace=" + encode(namespace) + "&metric=" + encode(metric));
        SeriesResponse response = send(HttpRequest.newBuilder(uri).GET(), SeriesResponse.class, "list " + metric);
        return new SeriesList(response.series().stream().map(SeriesEntry::dimensions).toList(), true);
    }

    @Override
    public Answers values(String namespace, List<StatQuery> queries, Instant start, Instant end) {
        byte[] body = write(new DataRequest(namespace, start.toString(), end.toString(), queries));
        DataResponse response = send(HttpRequest.newBuilder(base.resolve("data"))
                .header("content-type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)), DataResponse.class, "query");
        Map<String, Double> values = new HashMap<>();
        response.results().stream().filter(result -> result.value() != null)
                .forEach(result -> values.put(result.id(), result.value()));
        return new Answers(values, response.complete());
    }

    private <T> T send(HttpRequest.Builder request, Class<T> type, String what) {
        try {
            HttpResponse<byte[]> response = http.send(request.timeout(timeout).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() != 200) {
                throw ExternalServiceError.failed(SERVICE, null, "metrics - the local metrics endpoint refused to " + what
                        + ": " + response.statusCode() + " " + new String(response.body(), StandardCharsets.UTF_8), null);
            }
            return json.readValue(response.body(), Argument.of(type));
        } catch (HttpTimeoutException e) {
            throw ExternalServiceError.timedOut(SERVICE, "metrics - the local metrics endpoint did not answer " + what
                    + " within " + timeout.toMillis() + " ms (METRICS_TIMEOUT_MS)", e);
        } catch (IOException e) {
            throw ExternalServiceError.failed(SERVICE, null, "metrics - cannot " + what + " at the local metrics "
                    + "endpoint " + base + " (METRICS_LOCAL_URL): " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw ExternalServiceError.failed(SERVICE, null, "metrics - interrupted while waiting to " + what, e);
        }
    }

    private byte[] write(DataRequest request) {
        try {
            return json.writeValueAsBytes(request);
        } catch (IOException e) {
            throw new IllegalStateException("metrics - cannot write the local metrics query", e);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** The JDK client holds no connection worth closing. */
    @Override
    public void close() {
    }
}
