package com.kin.cache;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.document.EnhancedDocument;
import software.amazon.awssdk.enhanced.dynamodb.model.BatchGetResultPage;
import software.amazon.awssdk.enhanced.dynamodb.model.GetItemEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.ReadBatch;
import software.amazon.awssdk.enhanced.dynamodb.model.WriteBatch;

/**
 * The cache table through the DynamoDB Enhanced Client: plain calls, no timing or fault policy ({@link L2Guard} adds
 * those). Reads are strongly consistent: the staleness argument needs a read to see every write that finished before it.
 */
final class L2Table {

    /** What one read returned: the entry (null if absent), each requested tag's version, and the epoch. */
    record Snapshot(CacheItem entry, Map<String, String> tagVersions, String epoch) {
    }

    /** BatchWriteItem takes at most 25 items. */
    static final int MAX_WRITE_BATCH = 25;
    /** The version of a tag or epoch item whose {@code ver} is missing or not a string: stable while it stays so. */
    private static final String MALFORMED_VERSION = "malformed";

    private final DynamoDbEnhancedClient client;
    private final DynamoDbTable<EnhancedDocument> table;

    L2Table(DynamoDbEnhancedClient client, String tableName) {
        this.client = client;
        this.table = client.table(tableName, CacheItem.SCHEMA);
    }

    /** One BatchGetItem for the epoch, the entry under {@code entryKey} (if not null) and the versions of {@code tags}. */
    Snapshot read(String entryKey, Collection<String> tags) {
        ReadBatch.Builder<EnhancedDocument> batch = ReadBatch.builder(EnhancedDocument.class).mappedTableResource(table);
        addGet(batch, StorageKeys.EPOCH);
        if (entryKey != null) {
            addGet(batch, entryKey);
        }
        tags.forEach(tag -> addGet(batch, StorageKeys.tag(tag)));
        BatchGetResultPage page = client.batchGetItem(request -> request.readBatches(batch.build())).iterator().next();
        List<Key> unprocessed = page.unprocessedKeysForTable(table);
        if (!unprocessed.isEmpty()) {
            throw SdkClientException.create("DynamoDB left " + unprocessed.size() + " keys unread (throttled)");
        }
        CacheItem entry = null;
        String epoch = TagRegistry.NEVER_WRITTEN;
        Map<String, String> versions = new HashMap<>();
        for (EnhancedDocument document : page.resultsForTable(table)) {
            CacheItem item = CacheItem.from(document);
            if (item.pk().equals(entryKey)) {
                entry = item;
            } else if (item.pk().equals(StorageKeys.EPOCH)) {
                epoch = versionOf(item);
            } else {
                versions.put(StorageKeys.tagOf(item.pk()), versionOf(item));
            }
        }
        return new Snapshot(entry, versions, epoch);
    }

    void put(CacheItem item) {
        table.putItem(item.toDocument());
    }

    void delete(String key) {
        table.deleteItem(Key.builder().partitionValue(key).build());
    }

    /** Writes up to {@link #MAX_WRITE_BATCH} tag versions in one BatchWriteItem; returns the tags DynamoDB left unwritten. */
    List<String> writeVersions(Map<String, String> versions, long expiresAtSeconds) {
        WriteBatch.Builder<EnhancedDocument> batch = WriteBatch.builder(EnhancedDocument.class).mappedTableResource(table);
        versions.forEach((tag, version) ->
                batch.addPutItem(CacheItem.version(StorageKeys.tag(tag), version, expiresAtSeconds).toDocument()));
        return client.batchWriteItem(request -> request.writeBatches(batch.build()))
                .unprocessedPutItemsForTable(table).stream()
                .map(document -> StorageKeys.tagOf(CacheItem.from(document).pk()))
                .toList();
    }

    void writeEpoch(String version) {
        table.putItem(CacheItem.version(StorageKeys.EPOCH, version, null).toDocument());
    }

    private static String versionOf(CacheItem item) {
        return item.version() != null && !item.malformed() ? item.version() : MALFORMED_VERSION;
    }

    private static void addGet(ReadBatch.Builder<EnhancedDocument> batch, String key) {
        batch.addGetItem(GetItemEnhancedRequest.builder()
                .key(Key.builder().partitionValue(key).build())
                .consistentRead(true)
                .build());
    }
}
