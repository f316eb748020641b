package com.kin.bench.scale;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.kin.testing.FunctionHarness;
import io.micronaut.json.tree.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Set;
import org.HdrHistogram.Histogram;

/**
 * Runs one route: warm-up, then the measured invocations, each preceded (outside the timed part) by the invalidation of
 * the read's cache tags. Every invocation, warm-up included, must answer 200 with {@code x-cache: miss}; the first one
 * that does not is kept as the route's failure and the route is cut short (a benchmark of an error is no benchmark).
 */
final class RouteRunner {

    private static final long HIGHEST_NANOS = 60_000_000_000L;

    private final int warmUp;
    private final int invocations;

    RouteRunner(int warmUp, int invocations) {
        this.warmUp = warmUp;
        this.invocations = invocations;
    }

    ScaleResult run(ScaleFunction function, ScaleRoute route) {
        APIGatewayV2HTTPEvent event = route.event();
        Set<String> tags = route.invalidationTags();
        for (int i = 0; i < warmUp; i++) {
            Optional<String> failure = check(invoke(function, event, tags).response());
            if (failure.isPresent()) {
                return ScaleResult.failed(route, failure.get());
            }
        }
        Histogram histogram = new Histogram(HIGHEST_NANOS, 3);
        for (int i = 0; i < invocations; i++) {
            Timed timed = invoke(function, event, tags);
            Optional<String> failure = check(timed.response());
            if (failure.isPresent()) {
                return ScaleResult.failed(route, failure.get());
            }
            histogram.recordValue(Math.min(timed.nanos(), HIGHEST_NANOS));
        }
        return ScaleResult.of(route, histogram);
    }

    /**
     * The route's next page, following the cursor of its first page; empty when the first page is the last or fails
     * (the first page's own run reports the failure).
     */
    static Optional<ScaleRoute> secondPage(ScaleFunction function, ScaleRoute route) {
        APIGatewayV2HTTPResponse first = function.invoke(route.event());
        if (first.getStatusCode() != 200) {
            return Optional.empty();
        }
        JsonNode cursor = function.body(first).get("nextCursor");
        if (cursor == null || !cursor.isString()) {
            return Optional.empty();
        }
        String encoded = URLEncoder.encode(cursor.getStringValue(), StandardCharsets.UTF_8);
        return Optional.of(route.withQuery(route.query() + "&cursor=" + encoded, route.variant() + " page 2"));
    }

    private static Timed invoke(ScaleFunction function, APIGatewayV2HTTPEvent event, Set<String> tags) {
        function.invalidate(tags);
        long started = System.nanoTime();
        APIGatewayV2HTTPResponse response = function.invoke(event);
        return new Timed(response, System.nanoTime() - started);
    }

    /** Why the response is not an uncached 200, if it is not. */
    private static Optional<String> check(APIGatewayV2HTTPResponse response) {
        String source = response.getHeaders() == null ? null : FunctionHarness.cacheSource(response);
        if (response.getStatusCode() == 200 && "miss".equals(source)) {
            return Optional.empty();
        }
        String body = response.getBody() == null ? "" : response.getBody();
        return Optional.of("status " + response.getStatusCode() + ", x-cache " + source + ": "
                + body.substring(0, Math.min(300, body.length())));
    }

    private record Timed(APIGatewayV2HTTPResponse response, long nanos) {
    }
}
