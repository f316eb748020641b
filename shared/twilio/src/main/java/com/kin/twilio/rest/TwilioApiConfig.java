package com.kin.twilio.rest;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Optional;

/**
 * How calls to Twilio's REST API are made, from the environment: {@code TWILIO_API_BUDGET_MS} (all attempts of one
 * operation, default 8000), {@code TWILIO_API_ATTEMPT_TIMEOUT_MS} (waiting for one answer, default 3000),
 * {@code TWILIO_API_CONNECT_TIMEOUT_MS} (default 1000), {@code TWILIO_API_BACKOFF_BASE_MS} / {@code _MAX_MS} (default
 * 200 / 2000) and {@code TWILIO_API_BASE_URL}: a loopback stand-in for Twilio, for tests and the local runtime only.
 */
@ConfigurationProperties("twilio.api")
public record TwilioApiConfig(
        @Nullable String baseUrl,
        @Bindable(defaultValue = "8000") int budgetMs,
        @Bindable(defaultValue = "3000") int attemptTimeoutMs,
        @Bindable(defaultValue = "1000") int connectTimeoutMs,
        @Bindable(defaultValue = "200") int backoffBaseMs,
        @Bindable(defaultValue = "2000") int backoffMaxMs) {

    /** Stays under the 29 s that API Gateway and the webhook callers give a whole request. */
    static final int MAX_BUDGET_MS = 25_000;

    /** Defaults for code that builds a gateway without a context (tools, tests). */
    public static TwilioApiConfig defaults() {
        return new TwilioApiConfig(null, 8000, 3000, 1000, 200, 2000);
    }

    /** Fails with a message naming the offending variable, so a bad deployment stops at its first cold start. */
    public TwilioApiConfig validated() {
        require(budgetMs >= 100 && budgetMs <= MAX_BUDGET_MS, "TWILIO_API_BUDGET_MS",
                "must be 100.." + MAX_BUDGET_MS + " ms, got " + budgetMs);
        require(attemptTimeoutMs >= 50 && connectTimeoutMs >= 50, "TWILIO_API_ATTEMPT_TIMEOUT_MS/CONNECT_TIMEOUT_MS",
                "must each be at least 50 ms, got " + attemptTimeoutMs + "/" + connectTimeoutMs);
        require(attemptTimeoutMs + connectTimeoutMs <= budgetMs, "TWILIO_API_ATTEMPT_TIMEOUT_MS",
                "plus TWILIO_API_CONNECT_TIMEOUT_MS must fit in TWILIO_API_BUDGET_MS (" + budgetMs + " ms), got "
                        + attemptTimeoutMs + " + " + connectTimeoutMs);
        require(backoffBaseMs >= 1 && backoffBaseMs <= backoffMaxMs, "TWILIO_API_BACKOFF_BASE_MS",
                "must be 1..TWILIO_API_BACKOFF_MAX_MS (" + backoffMaxMs + "), got " + backoffBaseMs);
        redirectTarget();
        return this;
    }

    /** The most one attempt can take: connecting, then waiting for the answer. */
    Duration attemptCeiling() {
        return Duration.ofMillis((long) connectTimeoutMs + attemptTimeoutMs);
    }

    /**
     * The loopback server that stands in for every {@code *.twilio.com} host, when {@code TWILIO_API_BASE_URL} is set.
     * Only loopback is accepted: real credentials are sent with every call and must never reach another host.
     */
    public Optional<URI> redirectTarget() {
        if (baseUrl == null || baseUrl.isBlank()) {
            return Optional.empty();
        }
        URI uri = parse(baseUrl.trim());
        boolean bare = uri.getRawPath() == null || uri.getRawPath().isEmpty() || "/".equals(uri.getRawPath());
        require(("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null
                && bare && uri.getRawQuery() == null, "TWILIO_API_BASE_URL",
                "must be http://host:port with no path or query, got '" + baseUrl + "'");
        require(isLoopback(uri.getHost()), "TWILIO_API_BASE_URL",
                "must point at this machine (127.0.0.1, localhost, [::1]); it is for tests and the local runtime, got '"
                        + baseUrl + "'");
        return Optional.of(uri);
    }

    private static URI parse(String url) {
        try {
            return new URI(url);
        } catch (URISyntaxException e) {
            throw new IllegalStateException("TWILIO_API_BASE_URL - is not a URL: '" + url + "'", e);
        }
    }

    private static boolean isLoopback(String host) {
        try {
            return InetAddress.getByName(host).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    private static void require(boolean ok, String key, String problem) {
        if (!ok) {
            throw new IllegalStateException(key + " - " + problem);
        }
    }
}
