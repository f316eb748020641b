package com.kin.cache;

import com.kin.testing.LocalDynamoDb;
import io.micronaut.json.JsonMapper;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * A fresh cache table in the JVM's DynamoDB Local, and cache instances over it that share a fake clock but each have
 * their own L1, as separate Lambda instances of a function would.
 */
final class CacheFixture implements AutoCloseable {

    static final JsonMapper JSON = JsonMapper.createDefault();

    final LocalDynamoDb dynamo = LocalDynamoDb.instance();
    final String table = LocalDynamoDb.uniqueTableName("cache");
    final MutableClock clock = MutableClock.startingNow();
    private final List<TwoTierCache> instances = new ArrayList<>();
    private final List<AutoCloseable> clients = new ArrayList<>();

    CacheFixture() {
        dynamo.createCacheTable(table);
    }

    /** Settings for this table with a generous L2 budget, so a slow DynamoDB Local cannot turn a hit into a miss. */
    CacheSettings settings() {
        return CacheSettings.defaults(table, dynamo.endpoint(), dynamo.region().id()).withL2Timeout(Duration.ofSeconds(2));
    }

    TwoTierCache instance(RecordingMetrics metrics) {
        return instance(settings(), metrics);
    }

    TwoTierCache instance(CacheSettings settings, RecordingMetrics metrics) {
        CacheFactory factory = new CacheFactory();
        var client = factory.cacheDynamoDbClient(settings);
        clients.add(client);
        TwoTierCache cache = new TwoTierCache(settings, factory.cacheEnhancedClient(client), JSON, metrics, clock);
        cache.start();
        instances.add(cache);
        return cache;
    }

    TwoTierCache instance(URI endpoint, Duration l2Timeout, RecordingMetrics metrics) {
        CacheSettings settings = CacheSettings.defaults(table, endpoint, dynamo.region().id()).withL2Timeout(l2Timeout);
        return instance(settings, metrics);
    }

    /** The raw item under {@code pk}, empty if DynamoDB holds none. */
    Map<String, AttributeValue> item(String pk) {
        return dynamo.client().getItem(b -> b.tableName(table).consistentRead(true)
                .key(Map.of("pk", AttributeValue.fromS(pk)))).item();
    }

    void overwriteAttribute(String pk, String attribute, AttributeValue value) {
        dynamo.client().updateItem(b -> b.tableName(table).key(Map.of("pk", AttributeValue.fromS(pk)))
                .updateExpression("SET #a = :v")
                .expressionAttributeNames(Map.of("#a", attribute))
                .expressionAttributeValues(Map.of(":v", value)));
    }

    @Override
    public void close() throws Exception {
        instances.forEach(TwoTierCache::close);
        for (AutoCloseable client : clients) {
            client.close();
        }
    }
}
