package com.kin.bench.floor;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The metrics function's report plan, copied from ReportBuilder.discover/plan and QueryPlan: which series the listed
 * dimension sets cover, and every statistic asked for them, each once under the id q0, q1, ... The metric and dimension
 * names are MetricNames' and MetricDimensions'.
 */
final class MetricsFloorPlan {

    static final String REQUEST_COUNT = "RequestCount";
    static final String CACHE_HIT = "CacheHit";
    static final String CACHE_MISS = "CacheMiss";
    static final String DB_QUERY_TIME = "DbQueryTime";
    /** ReportBuilder.discover lists these metrics' series, in this order. */
    static final List<String> DISCOVERED = List.of(REQUEST_COUNT, CACHE_HIT, CACHE_MISS, DB_QUERY_TIME);

    private static final Set<String> ROUTE_SERIES = Set.of("function", "route");
    private static final Set<String> CACHE_SERIES = Set.of("function", "kind", "tier");
    private static final Set<String> FUNCTION_SERIES = Set.of("function");

    private record Key(String metric, Map<String, String> dimensions, String stat) {
    }

    private final Map<Key, String> ids = new LinkedHashMap<>();

    /** {@code listed}: each discovered metric's answer from GET /series ({"series":[{"dimensions":{...}}]}). */
    static MetricsFloorPlan of(Map<String, JsonNode> listed) {
        List<Map<String, String>> routes = exactly(listed.get(REQUEST_COUNT), ROUTE_SERIES);
        Set<Map<String, String>> cache = new LinkedHashSet<>(exactly(listed.get(CACHE_HIT), CACHE_SERIES));
        cache.addAll(exactly(listed.get(CACHE_MISS), CACHE_SERIES));
        SortedSet<String> functions = new TreeSet<>();
        for (List<Map<String, String>> series : List.of(routes, List.copyOf(cache),
                exactly(listed.get(DB_QUERY_TIME), FUNCTION_SERIES), exactly(listed.get(REQUEST_COUNT), FUNCTION_SERIES))) {
            series.forEach(dimensions -> functions.add(dimensions.get("function")));
        }
        MetricsFloorPlan plan = new MetricsFloorPlan();
        routes.forEach(route -> plan.route(route));
        cache.forEach(series -> plan.add(CACHE_HIT, series, "Sum").add(CACHE_MISS, series, "Sum"));
        functions.forEach(function -> plan.function(Map.of("function", function)));
        return plan;
    }

    boolean isEmpty() {
        return ids.isEmpty();
    }

    /** The body of POST /data: {"namespace","start","end","queries":[{"id","metric","dimensions","stat"}]}. */
    ObjectNode dataRequest(String namespace, Instant start, Instant end) {
        ObjectNode request = JsonNodeFactory.instance.objectNode().put("namespace", namespace)
                .put("start", start.toString()).put("end", end.toString());
        ArrayNode queries = request.putArray("queries");
        ids.forEach((key, id) -> {
            ObjectNode query = queries.addObject().put("id", id).put("metric", key.metric());
            ObjectNode dimensions = query.putObject("dimensions");
            key.dimensions().forEach(dimensions::put);
            query.put("stat", key.stat());
        });
        return request;
    }

    /** ReportWindow: the end is now rounded up to the next whole minute. */
    static Instant windowEnd(Instant now) {
        long minute = Duration.ofMinutes(1).toMillis();
        return Instant.ofEpochMilli(Math.floorDiv(now.toEpochMilli() + minute - 1, minute) * minute);
    }

    private void route(Map<String, String> route) {
        add("RequestLatency", route, "p50", "p95", "p99").add(REQUEST_COUNT, route, "Sum")
                .add("Request4xx", route, "Sum").add("Request5xx", route, "Sum");
    }

    private void function(Map<String, String> function) {
        add(REQUEST_COUNT, function, "Sum").add("RequestLatency", function, "p50", "p95", "p99")
                .add("ColdStart", function, "Sum").add(DB_QUERY_TIME, function, "SampleCount", "Sum", "p95", "p99")
                .add("DbConnectionWait", function, "Maximum", "p99").add("DbPoolActive", function, "Maximum", "Average")
                .add("DbPoolIdle", function, "Maximum").add("DbPoolPending", function, "Maximum");
    }

    private MetricsFloorPlan add(String metric, Map<String, String> dimensions, String... stats) {
        for (String stat : stats) {
            ids.putIfAbsent(new Key(metric, Map.copyOf(dimensions), stat), "q" + ids.size());
        }
        return this;
    }

    /** The listed series whose dimension names are exactly {@code names}. */
    private static List<Map<String, String>> exactly(JsonNode listed, Set<String> names) {
        List<Map<String, String>> matching = new ArrayList<>();
        for (JsonNode entry : listed.path("series")) {
            Map<String, String> dimensions = new LinkedHashMap<>();
            entry.path("dimensions").fields().forEachRemaining(field -> dimensions.put(field.getKey(),
                    field.getValue().asText()));
            if (dimensions.keySet().equals(names)) {
                matching.add(dimensions);
            }
        }
        return matching;
    }
}
