package com.kin.health;

import com.kin.cache.CacheSettings;
import com.kin.cache.DynamoDbClients;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import io.micronaut.core.value.PropertyResolver;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.SqsClientBuilder;

/**
 * The clients the checks call through. Each is bounded by {@code HEALTH_CHECK_TIMEOUT_MS} and never retries: a health
 * check reports what one attempt found, and an abandoned call must not keep a thread long.
 */
@Factory
final class HealthClientsFactory {

    static final String HEALTH = "health";
    private static final String SET = ".*\\S.*";

    @Context
    QueueConfig queueConfig(PropertyResolver properties) {
        return new QueueConfig(properties.get("bulk-sms.queue-url", String.class).orElse(null),
                properties.get("sqs.endpoint", String.class).orElse(null));
    }

    /** Only with a cache table: without one there is nothing to describe. */
    @Singleton
    @Named(HEALTH)
    @Requires(property = "cache.table", pattern = SET)
    @Bean(preDestroy = "close")
    DynamoDbClient healthDynamoDbClient(CacheSettings cache, HealthConfig config) {
        Duration timeout = config.checkTimeout();
        return DynamoDbClients.builder(cache.endpoint(), cache.region(), timeout)
                .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry()).apiCallTimeout(timeout))
                .build();
    }

    /** Region and credentials from the Lambda environment, as for every SQS client of the platform. */
    @Singleton
    @Named(HEALTH)
    @Requires(property = "bulk-sms.queue-url", pattern = SET)
    @Bean(preDestroy = "close")
    SqsClient healthSqsClient(QueueConfig queue, HealthConfig config) {
        Duration timeout = config.checkTimeout();
        SqsClientBuilder builder = SqsClient.builder()
                .httpClient(UrlConnectionHttpClient.builder().connectionTimeout(timeout).socketTimeout(timeout).build())
                .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry()).apiCallTimeout(timeout));
        queue.endpointOverride().ifPresent(builder::endpointOverride);
        return builder.build();
    }

    @Singleton
    @Named(HEALTH)
    HttpClient quickBaseHttpClient(HealthConfig config) {
        return HttpClient.newBuilder().connectTimeout(config.checkTimeout())
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /**
     * Where the checks run. Cached, not fixed: a check still blocked past its timeout holds its thread until its client
     * gives up, and the next report must not queue behind it.
     */
    @Singleton
    @Named(HEALTH)
    @Bean(preDestroy = "shutdownNow")
    ExecutorService healthCheckExecutor() {
        AtomicInteger count = new AtomicInteger();
        ThreadFactory threads = runnable -> {
            Thread thread = new Thread(runnable, "health-check-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
        return Executors.newCachedThreadPool(threads);
    }
}
