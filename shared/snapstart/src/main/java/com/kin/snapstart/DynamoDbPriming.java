package com.kin.snapstart;

import com.kin.cache.CacheSettings;
import com.kin.cache.TwoTierCache;
import io.micronaut.context.BeanProvider;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * One GetItem on the cache table through the function's cache client, for a key no entry can have: loads the SDK's
 * request path (signing, credentials, marshalling, the HTTP client) and needs no permission the cache lacks.
 */
@Singleton
@Requires(classes = TwoTierCache.class)
@Requires(property = "cache.table", pattern = ".*\\S.*")
final class DynamoDbPriming implements PrimingStep {

    /** The cache table's partition key (shared/cache CacheItem); entry keys are hashes, never this text. */
    private static final String PARTITION_KEY = "pk";
    private static final String NO_SUCH_ENTRY = "snapstart#priming";

    /** Resolved at checkpoint: start-up builds nothing it did not build before. */
    private final BeanProvider<DynamoDbClient> dynamoDb;
    private final BeanProvider<CacheSettings> settings;
    private final AtomicInteger calls = new AtomicInteger();

    DynamoDbPriming(@Named("cache") BeanProvider<DynamoDbClient> dynamoDb, BeanProvider<CacheSettings> settings) {
        this.dynamoDb = dynamoDb;
        this.settings = settings;
    }

    @Override
    public String subject() {
        return "DynamoDB";
    }

    @Override
    public int getOrder() {
        return 200;
    }

    @Override
    public void warm() {
        String table = settings.get().table();
        dynamoDb.get().getItem(get -> get.tableName(table)
                .key(Map.of(PARTITION_KEY, AttributeValue.fromS(NO_SUCH_ENTRY))));
        calls.incrementAndGet();
    }

    /** Successful calls. */
    int calls() {
        return calls.get();
    }
}
