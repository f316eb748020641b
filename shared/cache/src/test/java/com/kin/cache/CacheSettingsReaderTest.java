package com.kin.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micronaut.context.exceptions.ConfigurationException;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CacheSettingsReaderTest {

    private static CacheSettings read(Map<String, String> properties) {
        return new CacheSettingsReader(key -> Optional.ofNullable(properties.get(key))).read();
    }

    @Test
    void nothingSet_runsL1OnlyWithTheGuidesDefaults() {
        CacheSettings settings = read(Map.of());

        assertThat(settings.l2Enabled()).isFalse();
        assertThat(settings.defaultTtl()).isEqualTo(Duration.ofSeconds(300));
        assertThat(settings.sessionTtl()).isEqualTo(Duration.ofMinutes(30));
        assertThat(settings.l2Timeout()).isEqualTo(Duration.ofMillis(50));
        assertThat(settings.stalenessBound()).isEqualTo(Duration.ofSeconds(1));
        assertThat(settings.l1MaxSize()).isEqualTo(10_000);
    }

    @Test
    void everyKey_isRead() {
        CacheSettings settings = read(Map.of("cache.table", "kin-dev-cache", "cache.ttl", "60", "session.ttl", "86400",
                "cache.l1-max-size", "500", "cache.l2-timeout-ms", "20", "cache.staleness-bound-ms", "250",
                "cache.l2-retry-interval-ms", "1000", "aws.region", "eu-west-1"));

        assertThat(settings.table()).isEqualTo("kin-dev-cache");
        assertThat(settings.defaultTtl()).isEqualTo(Duration.ofSeconds(60));
        assertThat(settings.sessionTtl()).isEqualTo(Duration.ofDays(1));
        assertThat(settings.l1MaxSize()).isEqualTo(500);
        assertThat(settings.l2Timeout()).isEqualTo(Duration.ofMillis(20));
        assertThat(settings.stalenessBound()).isEqualTo(Duration.ofMillis(250));
        assertThat(settings.l2RetryInterval()).isEqualTo(Duration.ofSeconds(1));
        assertThat(settings.region()).isEqualTo("eu-west-1");
        assertThat(settings.endpoint()).isNull();
    }

    @Test
    void blankTable_meansL1Only() {
        assertThat(read(Map.of("cache.table", "  ")).l2Enabled()).isFalse();
    }

    @Test
    void badNumber_failsNamingTheVariableAndProperty() {
        assertThatThrownBy(() -> read(Map.of("cache.ttl", "five minutes")))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("CACHE_TTL (cache.ttl)")
                .hasMessageContaining("'five minutes'");
    }

    @Test
    void outOfRangeTimeout_failsNamingTheKey() {
        assertThatThrownBy(() -> read(Map.of("cache.l2-timeout-ms", "0")))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("CACHE_L2_TIMEOUT_MS (cache.l2-timeout-ms) must be a whole number from 1 to 5000");
    }

    @Test
    void tableWithoutRegionOrEndpoint_failsNamingAwsRegion() {
        assertThatThrownBy(() -> read(Map.of("cache.table", "kin-dev-cache")))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("AWS_REGION (aws.region)");
    }

    @Test
    void localEndpoint_defaultsTheRegion() {
        CacheSettings settings = read(Map.of("cache.table", "t", "dynamodb.endpoint", "http://127.0.0.1:8000"));

        assertThat(settings.endpoint()).isEqualTo(URI.create("http://127.0.0.1:8000"));
        assertThat(settings.region()).isEqualTo("us-east-1");
    }

    @Test
    void endpointThatIsNoUrl_failsNamingDynamodbEndpoint() {
        assertThatThrownBy(() -> read(Map.of("dynamodb.endpoint", "localhost:8000")))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("DYNAMODB_ENDPOINT (dynamodb.endpoint)");
    }
}
