package com.kin.health;

import com.kin.cache.CacheSettings;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.util.LinkedHashMap;
import java.util.Map;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveDescription;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveStatus;

/**
 * The DynamoDB table behind the shared cache tier ({@code CACHE_TABLE}): reachable (DescribeTable), usable (ACTIVE or
 * UPDATING) and with TTL enabled on {@code expires_at} (DescribeTimeToLive). Without TTL the table still works, but
 * nothing ever deletes expired entries and tag versions, so it only grows: degraded.
 */
@Singleton
final class CacheTableCheck implements HealthCheck {

    /** The TTL attribute template.yaml's CacheTable declares and kin-cache writes. */
    static final String TTL_ATTRIBUTE = "expires_at";

    private final String table;
    private final DynamoDbClient dynamoDb;

    CacheTableCheck(CacheSettings settings, @Nullable @Named(HealthClientsFactory.HEALTH) DynamoDbClient dynamoDb) {
        this.table = settings.table();
        this.dynamoDb = dynamoDb;
    }

    @Override
    public String name() {
        return "cacheTable";
    }

    @Override
    public int order() {
        return 20;
    }

    @Override
    public Outcome run() {
        if (dynamoDb == null) {
            return Outcome.notConfigured("CACHE_TABLE is not set: the cache runs in memory only");
        }
        try {
            TableDescription description = dynamoDb.describeTable(b -> b.tableName(table)).table();
            TimeToLiveDescription ttl = dynamoDb.describeTimeToLive(b -> b.tableName(table)).timeToLiveDescription();
            return judge(description, ttl);
        } catch (ResourceNotFoundException e) {
            return Outcome.down("table " + table + " does not exist", Map.of("table", table));
        } catch (SdkException e) {
            return Outcome.down("DescribeTable/DescribeTimeToLive on " + table + " failed: " + e.getMessage(),
                    Map.of("table", table));
        }
    }

    private Outcome judge(TableDescription description, TimeToLiveDescription ttl) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("table", table);
        details.put("tableStatus", description.tableStatusAsString());
        details.put("ttlStatus", ttl == null ? "UNKNOWN" : ttl.timeToLiveStatusAsString());
        if (ttl != null && ttl.attributeName() != null) {
            details.put("ttlAttribute", ttl.attributeName());
        }
        if (description.tableStatus() != TableStatus.ACTIVE && description.tableStatus() != TableStatus.UPDATING) {
            return Outcome.degraded("table " + table + " is " + description.tableStatusAsString()
                    + ", not ACTIVE", details);
        }
        if (ttl == null || ttl.timeToLiveStatus() != TimeToLiveStatus.ENABLED || !TTL_ATTRIBUTE.equals(ttl.attributeName())) {
            return Outcome.degraded("TTL on table " + table + " is " + details.get("ttlStatus")
                    + (ttl == null || ttl.attributeName() == null ? "" : " on " + ttl.attributeName())
                    + "; it must be ENABLED on " + TTL_ATTRIBUTE + ", or expired cache entries are never deleted", details);
        }
        return Outcome.ok("table " + table + " is " + description.tableStatusAsString() + ", TTL enabled on "
                + TTL_ATTRIBUTE, details);
    }
}
