package com.kin.cache;

import io.micronaut.context.exceptions.ConfigurationException;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Function;

/**
 * Reads {@link CacheSettings} from configuration keys, failing on the first bad value with a message naming the
 * environment variable, the Micronaut property it maps to, the accepted range and the value found.
 *
 * <p>Micronaut maps {@code CACHE_TTL} to {@code cache.ttl}, {@code CACHE_L1_MAX_SIZE} to {@code cache.l1-max-size},
 * and so on; either spelling may be set.
 */
final class CacheSettingsReader {

    private static final String DEFAULT_LOCAL_REGION = "us-east-1";

    private final Function<String, Optional<String>> properties;

    CacheSettingsReader(Function<String, Optional<String>> properties) {
        this.properties = properties;
    }

    CacheSettings read() {
        String table = text("cache.table");
        URI endpoint = endpoint();
        String region = text("aws.region");
        if (table != null && endpoint == null && region == null) {
            throw new ConfigurationException("cache - AWS_REGION (aws.region) must be set when CACHE_TABLE names a table");
        }
        return new CacheSettings(
                table,
                Duration.ofSeconds(number("cache.ttl", "CACHE_TTL", 300, 1, 86_400)),
                Duration.ofSeconds(number("session.ttl", "SESSION_TTL", 1_800, 1, 604_800)),
                (int) number("cache.l1-max-size", "CACHE_L1_MAX_SIZE", 10_000, 1, 1_000_000),
                Duration.ofMillis(number("cache.l2-timeout-ms", "CACHE_L2_TIMEOUT_MS", 50, 1, 5_000)),
                Duration.ofMillis(number("cache.staleness-bound-ms", "CACHE_STALENESS_BOUND_MS", 1_000, 10, 60_000)),
                Duration.ofMillis(number("cache.l2-retry-interval-ms", "CACHE_L2_RETRY_INTERVAL_MS", 5_000, 100, 600_000)),
                endpoint,
                region != null ? region : endpoint != null ? DEFAULT_LOCAL_REGION : null);
    }

    private String text(String property) {
        return properties.apply(property).map(String::trim).filter(value -> !value.isEmpty()).orElse(null);
    }

    private long number(String property, String variable, long defaultValue, long min, long max) {
        String raw = text(property);
        if (raw == null) {
            return defaultValue;
        }
        try {
            long value = Long.parseLong(raw);
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below with the accepted range
        }
        throw new ConfigurationException("cache - %s (%s) must be a whole number from %d to %d, got '%s'"
                .formatted(variable, property, min, max, raw));
    }

    private URI endpoint() {
        String raw = text("dynamodb.endpoint");
        if (raw == null) {
            return null;
        }
        try {
            URI uri = new URI(raw);
            if (("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null) {
                return uri;
            }
        } catch (URISyntaxException e) {
            // reported below
        }
        throw new ConfigurationException(
                "cache - DYNAMODB_ENDPOINT (dynamodb.endpoint) must be an http(s) URL such as http://127.0.0.1:8000, got '"
                        + raw + "'");
    }
}
