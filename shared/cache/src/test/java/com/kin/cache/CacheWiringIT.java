package com.kin.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.kin.core.metrics.MetricsRecorder;
import io.micronaut.context.ApplicationContext;
import io.micronaut.context.env.PropertySource;
import io.micronaut.inject.qualifiers.Qualifiers;
import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** The cache as a function gets it: beans built by Micronaut from environment variables. */
class CacheWiringIT {

    private final CacheFixture fixture = new CacheFixture();

    @AfterEach
    void close() throws Exception {
        fixture.close();
    }

    private static ApplicationContext start(Map<String, Object> environmentVariables) {
        return ApplicationContext.builder()
                .propertySources(PropertySource.of("test-env", environmentVariables,
                        PropertySource.PropertyConvention.ENVIRONMENT_VARIABLE))
                .singletons(new RecordingMetrics())
                .start();
    }

    private Map<String, Object> tableVariables() {
        Map<String, Object> variables = new HashMap<>();
        variables.put("CACHE_TABLE", fixture.table);
        variables.put("DYNAMODB_ENDPOINT", fixture.dynamo.endpoint().toString());
        variables.put("CACHE_L2_TIMEOUT_MS", "2000");
        return variables;
    }

    @Test
    void environmentVariables_configureTheCache() {
        Map<String, Object> variables = tableVariables();
        variables.putAll(Map.of("CACHE_TTL", "60", "SESSION_TTL", "900", "CACHE_L1_MAX_SIZE", "123",
                "CACHE_STALENESS_BOUND_MS", "500", "CACHE_L2_RETRY_INTERVAL_MS", "2000", "AWS_REGION", "eu-west-1"));
        try (ApplicationContext context = start(variables)) {
            CacheSettings settings = context.getBean(CacheSettings.class);

            assertThat(settings.table()).isEqualTo(fixture.table);
            assertThat(settings.endpoint()).isEqualTo(URI.create(fixture.dynamo.endpoint().toString()));
            assertThat(settings.defaultTtl()).isEqualTo(Duration.ofSeconds(60));
            assertThat(settings.sessionTtl()).isEqualTo(Duration.ofSeconds(900));
            assertThat(settings.l1MaxSize()).isEqualTo(123);
            assertThat(settings.l2Timeout()).isEqualTo(Duration.ofSeconds(2));
            assertThat(settings.stalenessBound()).isEqualTo(Duration.ofMillis(500));
            assertThat(settings.l2RetryInterval()).isEqualTo(Duration.ofSeconds(2));
            assertThat(settings.region()).isEqualTo("eu-west-1");
        }
    }

    @Test
    void withATable_twoContextsShareEntriesThroughL2() {
        CacheKey key = CacheKey.shared(CacheKind.CONTACT, "1", "contact:1");
        try (ApplicationContext first = start(tableVariables()); ApplicationContext second = start(tableVariables())) {
            TwoTierCache cache = first.getBean(TwoTierCache.class);
            assertThat(cache.get(key, Note.class, () -> new Note("1", 1, "a")).source()).isEqualTo(CacheSource.MISS);
            assertThat(cache.get(key, Note.class, () -> new Note("1", 2, "a")).source()).isEqualTo(CacheSource.L1);

            Cached<Note> fromSecond = second.getBean(TwoTierCache.class).get(key, Note.class, () -> new Note("1", 3, "a"));

            assertThat(fromSecond.source()).isEqualTo(CacheSource.L2);
            assertThat(fromSecond.value().version()).isEqualTo(1);
            assertThat(cache.stats().l2State()).isEqualTo("closed");
            assertThat(first.findBean(DynamoDbClient.class, Qualifiers.byName("cache"))).isPresent();
            assertThat(first.getBean(MetricsRecorder.class)).isInstanceOf(RecordingMetrics.class);
        }
    }

    @Test
    void withoutATable_runsL1OnlyAndCreatesNoClient() {
        try (ApplicationContext context = start(Map.of())) {
            TwoTierCache cache = context.getBean(TwoTierCache.class);

            assertThat(cache.stats().l2Enabled()).isFalse();
            assertThat(context.findBean(DynamoDbClient.class, Qualifiers.byName("cache"))).isEmpty();
        }
    }

    @Test
    void badValue_failsTheStartNamingTheVariable() {
        Map<String, Object> variables = tableVariables();
        variables.put("CACHE_STALENESS_BOUND_MS", "soon");

        assertThatThrownBy(() -> start(variables))
                .rootCause()
                .asInstanceOf(InstanceOfAssertFactories.THROWABLE)
                .hasMessageContaining("CACHE_STALENESS_BOUND_MS (cache.staleness-bound-ms)")
                .hasMessageContaining("'soon'");
    }
}
