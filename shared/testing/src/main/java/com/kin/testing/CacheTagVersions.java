package com.kin.testing;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.paginators.ScanIterable;

/**
 * The tag versions a cache table in DynamoDB Local holds (items {@code t#<tag>} with a random version {@code ver}, which
 * every invalidation of the tag replaces; kin-cache README), so a test can name exactly the tags a write invalidated
 * for every instance: those whose version is new or changed between two snapshots.
 */
public final class CacheTagVersions {

    private static final String TAG_PREFIX = "t#";

    private final Map<String, String> versions;

    private CacheTagVersions(Map<String, String> versions) {
        this.versions = Map.copyOf(versions);
    }

    /** The versions of every tag in {@code cacheTable} now (strongly consistent scan). */
    public static CacheTagVersions of(String cacheTable) {
        ScanIterable pages = LocalDynamoDb.instance().client()
                .scanPaginator(b -> b.tableName(cacheTable).consistentRead(true));
        Map<String, String> versions = new HashMap<>();
        pages.items().forEach(item -> {
            String key = item.get(LocalDynamoDb.CACHE_HASH_KEY).s();
            if (key.startsWith(TAG_PREFIX)) {
                AttributeValue version = item.get("ver");
                // A malformed item (no version) still marks the tag as written.
                versions.put(key.substring(TAG_PREFIX.length()), version == null ? "" : version.s());
            }
        });
        return new CacheTagVersions(versions);
    }

    /** The tags invalidated since {@code earlier}: a version that is new or different, in name order. */
    public Set<String> changedSince(CacheTagVersions earlier) {
        Set<String> changed = new TreeSet<>();
        versions.forEach((tag, version) -> {
            if (!earlier.versions.containsKey(tag) || !Objects.equals(earlier.versions.get(tag), version)) {
                changed.add(tag);
            }
        });
        return changed;
    }
}
