package com.kin.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.kin.load.report.LoadReport;
import com.kin.local.auth.JwtAudience;
import com.kin.local.auth.LocalIdentity;
import com.kin.local.auth.SigningKeys;
import com.kin.local.seed.SeedUsers;
import com.kin.local.template.LocalStack;
import com.kin.local.template.Template;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code GET /api/metrics} as an admin, reduced to what a load report can be compared with: per route label
 * ({@code GET:/api/contacts/{id}}, {@code POST:/sms/status}) the requests, 4xx and 5xx, summed over functions.
 */
final class MetricsEndpoint {

    /** Counts of one route; {@code minus} gives what happened between two reads. */
    record Counts(long requests, long clientErrors, long serverErrors) {
        static final Counts NONE = new Counts(0, 0, 0);

        Counts plus(Counts other) {
            return new Counts(requests + other.requests, clientErrors + other.clientErrors,
                    serverErrors + other.serverErrors);
        }

        Counts minus(Counts other) {
            return new Counts(requests - other.requests, clientErrors - other.clientErrors,
                    serverErrors - other.serverErrors);
        }
    }

    static final String ROUTE = "GET:/api/metrics";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String FUNCTION_URL = "/fn/";

    private final HttpClient http = HttpClient.newHttpClient();
    private final URI url;
    private final String token;

    MetricsEndpoint(String api, Path template, Path state) throws IOException {
        this.url = URI.create(api.replaceAll("/+$", "") + "/api/metrics");
        String audience = JwtAudience.of(LocalStack.of(Template.read(template), Map.of())).orElseThrow();
        LocalIdentity identity = new LocalIdentity(SigningKeys.loadOrCreate(state), Clock.systemUTC());
        this.token = identity.issue(SeedUsers.byEmail("admin@kin.local").orElseThrow(), audience, Duration.ofHours(1));
    }

    /** Every route with requests in the report's window (the default, METRICS_RETENTION_TIME). */
    Map<String, Counts> routes() throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(90))
                .header("authorization", "Bearer " + token).GET().build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new AssertionError("GET /api/metrics answered " + response.statusCode() + ": " + response.body());
        }
        JsonNode report = JSON.readTree(response.body());
        if (!report.path("complete").asBoolean()) {
            throw new AssertionError("the metrics report is incomplete: " + response.body());
        }
        Map<String, Counts> routes = new TreeMap<>();
        for (JsonNode route : report.path("routes")) {
            routes.merge(route.path("route").asText(), new Counts(route.path("requests").asLong(),
                    route.path("clientErrors").asLong(), route.path("serverErrors").asLong()), Counts::plus);
        }
        return routes;
    }

    /** The load report's routes under the labels the functions' metrics use. */
    static Map<String, Counts> of(LoadReport report) {
        Map<String, Counts> routes = new TreeMap<>();
        for (LoadReport.RouteResult route : report.routes()) {
            long clientErrors = statusesStartingWith(route, '4');
            long serverErrors = statusesStartingWith(route, '5');
            routes.merge(label(route.route()), new Counts(route.requests(), clientErrors, serverErrors), Counts::plus);
        }
        return routes;
    }

    /** {@code GET /api/x/{id}} as {@code GET:/api/x/{id}}; a function URL's {@code /fn/<Function>/sms} as {@code /sms}. */
    static String label(String routeKey) {
        int space = routeKey.indexOf(' ');
        String path = routeKey.substring(space + 1);
        if (path.startsWith(FUNCTION_URL)) {
            path = path.substring(path.indexOf('/', FUNCTION_URL.length()));
        }
        return routeKey.substring(0, space) + ":" + path;
    }

    static Map<String, Counts> difference(Map<String, Counts> after, Map<String, Counts> before) {
        Map<String, Counts> delta = new TreeMap<>();
        after.forEach((route, counts) -> {
            Counts change = counts.minus(before.getOrDefault(route, Counts.NONE));
            if (!change.equals(Counts.NONE)) {
                delta.put(route, change);
            }
        });
        return delta;
    }

    private static long statusesStartingWith(LoadReport.RouteResult route, char first) {
        Map<String, Long> statuses = new HashMap<>(route.statuses());
        return statuses.entrySet().stream().filter(status -> status.getKey().charAt(0) == first)
                .mapToLong(Map.Entry::getValue).sum();
    }
}
