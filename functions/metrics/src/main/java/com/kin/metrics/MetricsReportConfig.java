package com.kin.metrics;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.context.annotation.Context;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;
import java.net.URI;
import java.time.Duration;
import java.util.Locale;

/**
 * Where {@code GET /api/metrics} reads its figures, from the environment:
 * <ul>
 *   <li>{@code METRICS_SOURCE}: {@code cloudwatch} (default; GetMetricData over the functions' EMF metrics) or
 *       {@code local} (the local runtime's store of the same EMF output);</li>
 *   <li>{@code METRICS_LOCAL_URL}: the local runtime's metrics endpoint, required with {@code local};</li>
 *   <li>{@code METRICS_RETENTION_TIME}: the longest window a report covers, in milliseconds as the performance guide
 *       writes it (default 3600000, one hour); whole minutes from 1 minute to 24 hours;</li>
 *   <li>{@code METRICS_CLOUDWATCH_ENDPOINT}: another CloudWatch endpoint (tests); unset on AWS;</li>
 *   <li>{@code METRICS_TIMEOUT_MS}: how long one report may wait on its source (default 10000).</li>
 * </ul>
 * Values are read as text and checked here, so a bad one stops the cold start with a message naming the variable.
 */
@Context
@ConfigurationProperties("metrics")
public record MetricsReportConfig(
        @Bindable(defaultValue = "cloudwatch") String source,
        @Nullable String localUrl,
        @Bindable(defaultValue = "3600000") String retentionTime,
        @Nullable String cloudwatchEndpoint,
        @Bindable(defaultValue = "10000") String timeoutMs) {

    /** Where the figures come from. */
    public enum Source { CLOUDWATCH, LOCAL }

    static final long MINUTE_MS = 60_000;
    static final long MAX_RETENTION_MS = 24 * 60 * MINUTE_MS;
    /** API Gateway gives up after 29 s; the report must answer before that. */
    static final long MAX_TIMEOUT_MS = 25_000;

    public MetricsReportConfig {
        Source kind = parseSource(source);
        if (kind == Source.LOCAL && (localUrl == null || localUrl.isBlank())) {
            throw new IllegalStateException("METRICS_LOCAL_URL - required when METRICS_SOURCE is local");
        }
        if (localUrl != null && !localUrl.isBlank()) {
            httpUri("METRICS_LOCAL_URL", localUrl);
        }
        if (cloudwatchEndpoint != null && !cloudwatchEndpoint.isBlank()) {
            httpUri("METRICS_CLOUDWATCH_ENDPOINT", cloudwatchEndpoint);
        }
        parseRetention(retentionTime);
        parseTimeout(timeoutMs);
    }

    public Source sourceKind() {
        return parseSource(source);
    }

    public Duration retention() {
        return Duration.ofMillis(parseRetention(retentionTime));
    }

    public Duration timeout() {
        return Duration.ofMillis(parseTimeout(timeoutMs));
    }

    public URI localUri() {
        return httpUri("METRICS_LOCAL_URL", localUrl);
    }

    /** The CloudWatch endpoint to call instead of the region's; null on AWS. */
    public URI cloudwatchEndpointUri() {
        return cloudwatchEndpoint == null || cloudwatchEndpoint.isBlank() ? null
                : httpUri("METRICS_CLOUDWATCH_ENDPOINT", cloudwatchEndpoint);
    }

    private static Source parseSource(String value) {
        String normalized = value == null ? "" : value.strip().toUpperCase(Locale.ROOT);
        for (Source candidate : Source.values()) {
            if (candidate.name().equals(normalized)) {
                return candidate;
            }
        }
        throw new IllegalStateException("METRICS_SOURCE - must be cloudwatch or local, got '" + value + "'");
    }

    private static long parseRetention(String value) {
        long millis = number(value);
        if (millis < MINUTE_MS || millis > MAX_RETENTION_MS || millis % MINUTE_MS != 0) {
            throw new IllegalStateException("METRICS_RETENTION_TIME - must be whole minutes in milliseconds, from "
                    + MINUTE_MS + " (1 min) to " + MAX_RETENTION_MS + " (24 h), got '" + value + "'");
        }
        return millis;
    }

    private static long parseTimeout(String value) {
        long millis = number(value);
        if (millis < 1_000 || millis > MAX_TIMEOUT_MS) {
            throw new IllegalStateException("METRICS_TIMEOUT_MS - must be 1000.." + MAX_TIMEOUT_MS + " ms, got '"
                    + value + "'");
        }
        return millis;
    }

    private static long number(String value) {
        try {
            return value == null ? -1 : Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static URI httpUri(String key, String value) {
        try {
            URI uri = URI.create(value.strip());
            if (("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null) {
                return uri;
            }
        } catch (IllegalArgumentException e) {
            // reported below, with the shape expected
        }
        throw new IllegalStateException(key + " - must be an absolute http(s) URL, got '" + value + "'");
    }
}
