package com.kin.local.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The local metrics endpoint, CloudWatch's stand-in: what a function JVM prints as EMF on stdout is read off the log
 * pump, kept, and answered over HTTP with the contract the metrics function's local source uses.
 */
@ExtendWith(FixtureStackExtension.class)
class LocalMetricsIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final FixtureStack stack;

    LocalMetricsIT(FixtureStack stack) {
        this.stack = stack;
    }

    @Test
    void emfPrintedByAFunction_isListedAndAggregated() throws Exception {
        Instant start = Instant.now().truncatedTo(ChronoUnit.MINUTES);
        String function = null;
        for (int ms : new int[] {10, 20, 30, 40}) {
            HttpResponse<String> response = stack.authorizedGet("/echo?emfMs=" + ms);
            assertThat(response.statusCode()).isEqualTo(200);
            function = FixtureStack.json(response).path("environment").path("AWS_LAMBDA_FUNCTION_NAME").asText();
        }

        JsonNode series = awaitSeries(function);
        assertThat(series.findValuesAsText("route")).contains("GET:/echo");

        JsonNode answer = post("/data", "{\"namespace\":\"KIN\",\"start\":\"" + start + "\",\"end\":\""
                + start.plus(Duration.ofMinutes(2)) + "\",\"queries\":["
                + "{\"id\":\"p50\",\"metric\":\"RequestLatency\",\"dimensions\":{\"function\":\"" + function
                + "\",\"route\":\"GET:/echo\"},\"stat\":\"p50\"},"
                + "{\"id\":\"n\",\"metric\":\"RequestLatency\",\"dimensions\":{\"function\":\"" + function
                + "\"},\"stat\":\"SampleCount\"}]}");
        assertThat(answer.path("complete").asBoolean()).isTrue();
        assertThat(answer.path("results").get(0).path("value").asDouble()).isEqualTo(20.0);
        assertThat(answer.path("results").get(1).path("value").asDouble()).isEqualTo(4.0);
    }

    @Test
    void badRequests_areAnswered400Or405() throws Exception {
        HttpResponse<String> noMetric = send(HttpRequest.newBuilder(uri("/series?namespace=KIN")).GET().build());
        HttpResponse<String> badStat = send(HttpRequest.newBuilder(uri("/data")).POST(HttpRequest.BodyPublishers.ofString(
                "{\"namespace\":\"KIN\",\"start\":\"2026-11-24T06:00:00Z\",\"end\":\"2026-11-24T07:00:00Z\",\"queries\":"
                        + "[{\"id\":\"a\",\"metric\":\"RequestCount\",\"dimensions\":{},\"stat\":\"Median\"}]}")).build());
        HttpResponse<String> wrongMethod = send(HttpRequest.newBuilder(uri("/data")).GET().build());

        assertThat(noMetric.statusCode()).isEqualTo(400);
        assertThat(noMetric.body()).contains("metric is required");
        assertThat(badStat.statusCode()).isEqualTo(400);
        assertThat(badStat.body()).contains("Median");
        assertThat(wrongMethod.statusCode()).isEqualTo(405);
    }

    /** The pump copies stdout on its own thread: the document lands a moment after the response. */
    private JsonNode awaitSeries(String function) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        JsonNode series;
        do {
            series = JSON.readTree(send(HttpRequest.newBuilder(uri("/series?namespace=KIN&metric=RequestLatency"))
                    .GET().build()).body()).path("series");
            if (series.findValuesAsText("function").contains(function) && series.size() >= 2) {
                return series;
            }
            Thread.sleep(50);
        } while (System.nanoTime() < deadline);
        throw new AssertionError("no RequestLatency series of " + function + " in " + series);
    }

    private JsonNode post(String path, String body) throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(uri(path))
                .header("content-type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private HttpResponse<String> send(HttpRequest request) throws Exception {
        return stack.http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create(stack.platform.services().metricsUrl() + path);
    }
}
