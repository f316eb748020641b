package com.kin.bench.floor;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MetricsFloorPlanTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNode NONE = series();

    @Test
    void noSeries_planNothing() {
        assertThat(MetricsFloorPlan.of(Map.of("RequestCount", NONE, "CacheHit", NONE, "CacheMiss", NONE,
                "DbQueryTime", NONE)).isEmpty()).isTrue();
    }

    @Test
    void routeCacheAndFunctionSeries_askEveryStatisticOnce() throws IOException {
        JsonNode requests = series("{\"function\":\"contacts\",\"route\":\"GET /api/contacts\"}",
                "{\"function\":\"contacts\"}");
        JsonNode hits = series("{\"function\":\"contacts\",\"kind\":\"contact\",\"tier\":\"l1\"}",
                "{\"function\":\"contacts\",\"kind\":\"contact\"}");

        MetricsFloorPlan plan = MetricsFloorPlan.of(Map.of("RequestCount", requests, "CacheHit", hits,
                "CacheMiss", hits, "DbQueryTime", NONE));
        ObjectNode body = plan.dataRequest("KIN", Instant.parse("2026-12-04T07:00:00Z"),
                Instant.parse("2026-12-04T07:15:00Z"));

        // route: latency p50/p95/p99, count, 4xx, 5xx (6); cache: hit, miss (2); function: 15
        assertThat(body.path("queries")).hasSize(23);
        assertThat(body.path("queries").get(0).toString()).isEqualTo("{\"id\":\"q0\",\"metric\":\"RequestLatency\","
                + "\"dimensions\":" + body.path("queries").get(0).path("dimensions") + ",\"stat\":\"p50\"}");
        assertThat(body.path("queries").get(22).path("id").asText()).isEqualTo("q22");
        assertThat(body.path("start").asText()).isEqualTo("2026-12-04T07:00:00Z");
        assertThat(body.path("namespace").asText()).isEqualTo("KIN");
    }

    @Test
    void windowEnd_isTheNextWholeMinute() {
        assertThat(MetricsFloorPlan.windowEnd(Instant.parse("2026-12-04T07:14:00.001Z")))
                .isEqualTo(Instant.parse("2026-12-04T07:15:00Z"));
        assertThat(MetricsFloorPlan.windowEnd(Instant.parse("2026-12-04T07:15:00Z")))
                .isEqualTo(Instant.parse("2026-12-04T07:15:00Z"));
    }

    private static JsonNode series(String... dimensions) {
        try {
            return JSON.readTree("{\"series\":[" + String.join(",",
                    java.util.Arrays.stream(dimensions).map(d -> "{\"dimensions\":" + d + "}").toList()) + "]}");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
