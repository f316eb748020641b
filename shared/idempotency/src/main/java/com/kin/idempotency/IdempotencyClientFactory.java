package com.kin.idempotency;

import com.kin.cache.DynamoDbClients;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.net.URI;
import java.time.Duration;

/**
 * The idempotency store's DynamoDB client. Unlike the cache's, it retries (SDK standard mode): a claim that fails turns
 * the request into a 503, so a transient fault is worth a second try within the request.
 */
@Factory
final class IdempotencyClientFactory {

    @Singleton
    @Named("idempotency")
    @Bean(preDestroy = "close")
    software.amazon.awssdk.services.dynamodb.DynamoDbClient idempotencyDynamoDbClient(
            @Nullable @Value("${dynamodb.endpoint:}") String endpoint,
            @Value("${aws.region:us-east-1}") String region) {
        URI override = endpoint == null || endpoint.isBlank() ? null : URI.create(endpoint);
        return DynamoDbClients.builder(override, region, Duration.ofSeconds(2))
                .overrideConfiguration(o -> o.apiCallTimeout(Duration.ofSeconds(5)))
                .build();
    }
}
