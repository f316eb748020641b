package com.kin.health;

import io.micronaut.context.BeanProvider;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Quickbase integration: not configured when none of realm, token and app id is set (the deployment does not use
 * it); degraded when only some are, or one is malformed; otherwise Quickbase's Get App call with the realm and the user
 * token, reused for {@code HEALTH_CHECK_INTERVAL}. The token goes only into the Authorization header.
 */
@Singleton
final class QuickBaseCheck implements HealthCheck {

    private static final int LONGEST_UPSTREAM_TEXT = 200;

    private final QuickBaseConfig config;
    private final BeanProvider<HttpClient> http;
    private final Duration timeout;
    private final JsonMapper json;
    private final RecentOutcome recent;

    /** The HTTP client (and its selector thread) is built on the first call: most deployments never make one. */
    QuickBaseCheck(QuickBaseConfig config, @Named(HealthClientsFactory.HEALTH) BeanProvider<HttpClient> http,
                   HealthConfig health, JsonMapper json, Clock clock) {
        this.config = config;
        this.http = http;
        this.timeout = health.checkTimeout();
        this.json = json;
        this.recent = new RecentOutcome(clock, health.interval());
    }

    @Override
    public String name() {
        return "quickbase";
    }

    @Override
    public int order() {
        return 60;
    }

    @Override
    public Outcome run() {
        if (!config.isUsed()) {
            return Outcome.notConfigured("QUICKBASE_REALM, QUICKBASE_USER_TOKEN and QUICKBASE_APP_ID are not set");
        }
        List<String> problems = config.problems();
        if (!problems.isEmpty()) {
            return Outcome.degraded("configuration incomplete: " + String.join("; ", problems), Map.of());
        }
        return recent.get(this::getApp);
    }

    private Outcome getApp() {
        HttpRequest request = HttpRequest.newBuilder(config.appUri())
                .timeout(timeout)
                .header("QB-Realm-Hostname", config.realm())
                .header("Authorization", "QB-USER-TOKEN " + config.userToken())
                .header("User-Agent", "kin-health")
                .GET()
                .build();
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("realm", config.realm());
        details.put("appId", config.appId());
        try {
            HttpResponse<String> response = http.get().send(request, HttpResponse.BodyHandlers.ofString());
            details.put("httpStatus", response.statusCode());
            if (response.statusCode() == 200) {
                return Outcome.ok("app " + config.appId() + " reachable in realm " + config.realm(), details);
            }
            return Outcome.down("Quickbase answered " + response.statusCode() + errorText(response.body()), details);
        } catch (HttpTimeoutException e) {
            return Outcome.down("Quickbase gave no answer within " + timeout.toMillis() + " ms", details);
        } catch (IOException e) {
            return Outcome.down("could not reach Quickbase at " + config.appUri().getHost() + ": " + e, details);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Outcome.down("interrupted while waiting for Quickbase", details);
        }
    }

    /** Quickbase's error body is {@code {"message": ..., "description": ...}}; shown shortened, or not at all. */
    private String errorText(String body) {
        try {
            JsonNode error = json.readValue(body, JsonNode.class);
            String message = text(error, "message");
            String description = text(error, "description");
            String combined = (message + (description.isEmpty() ? "" : " - " + description)).strip();
            if (combined.isEmpty()) {
                return "";
            }
            return ": " + (combined.length() > LONGEST_UPSTREAM_TEXT
                    ? combined.substring(0, LONGEST_UPSTREAM_TEXT) + "..." : combined);
        } catch (IOException e) {
            return " (body not JSON)";
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node == null || !node.isObject() ? null : node.get(field);
        return value != null && value.isString() ? value.getStringValue() : "";
    }
}
