package com.kin.cache;

import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import io.micronaut.core.value.PropertyResolver;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.time.Duration;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Builds the cache's configuration and, when a table is configured, its DynamoDB clients.
 *
 * <p>The client never retries: a cache read that fails is a miss, and the request budget ({@code CACHE_L2_TIMEOUT_MS})
 * is enforced by the cache itself. The SDK's own timeouts only bound how long an abandoned call keeps a thread.
 */
@Factory
final class CacheFactory {

    /** Bound on one abandoned call, and the room the start-up connection (TLS handshake) gets. */
    private static final Duration SDK_CALL_TIMEOUT = Duration.ofSeconds(1);
    private static final String TABLE_CONFIGURED = ".*\\S.*";

    @Context
    CacheSettings cacheSettings(PropertyResolver properties) {
        return new CacheSettingsReader(key -> properties.get(key, String.class)).read();
    }

    @Singleton
    @Named("cache")
    @Requires(property = "cache.table", pattern = TABLE_CONFIGURED)
    @Bean(preDestroy = "close")
    DynamoDbClient cacheDynamoDbClient(CacheSettings settings) {
        return DynamoDbClients.builder(settings.endpoint(), settings.region(), SDK_CALL_TIMEOUT)
                .overrideConfiguration(o -> o
                        .retryStrategy(AwsRetryStrategy.doNotRetry())
                        .apiCallTimeout(SDK_CALL_TIMEOUT)
                        .apiCallAttemptTimeout(SDK_CALL_TIMEOUT))
                .build();
    }

    @Singleton
    @Named("cache")
    @Requires(property = "cache.table", pattern = TABLE_CONFIGURED)
    DynamoDbEnhancedClient cacheEnhancedClient(@Named("cache") DynamoDbClient client) {
        return DynamoDbEnhancedClient.builder().dynamoDbClient(client).build();
    }
}
