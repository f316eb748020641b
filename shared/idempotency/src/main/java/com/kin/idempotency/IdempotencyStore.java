package com.kin.idempotency;

import com.kin.core.error.DatabaseError;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * Idempotency records in DynamoDB, in the spirit of Powertools' idempotency module: a conditional put claims a key (so two
 * concurrent retries cannot both run), the first response is saved against it, and DynamoDB's TTL forgets it after the
 * expiry. Expired and abandoned in-progress records are taken over, since TTL deletion can lag by hours.
 */
@Singleton
public class IdempotencyStore {

    private static final String IN_PROGRESS = "IN_PROGRESS";
    private static final String COMPLETED = "COMPLETED";

    private final DynamoDbClient dynamo;
    private final IdempotencyConfig config;
    private final Clock clock;

    public IdempotencyStore(@Named("idempotency") DynamoDbClient dynamo, IdempotencyConfig config, Clock clock) {
        this.dynamo = dynamo;
        this.config = config.validated();
        this.clock = clock;
    }

    /** Claims {@code key} for a first attempt; false when a live record already holds it. */
    public boolean claim(String key, String fingerprint) {
        long now = clock.instant().getEpochSecond();
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("pk", s(key));
        item.put("status", s(IN_PROGRESS));
        item.put("fingerprint", s(fingerprint));
        item.put("expires_at", n(now + config.expirySeconds()));
        item.put("in_progress_until", n(now + config.inProgressSeconds()));
        try {
            dynamo.putItem(put -> put.tableName(config.table()).item(item)
                    .conditionExpression("attribute_not_exists(pk) or expires_at < :now "
                            + "or (#status = :inProgress and in_progress_until < :now)")
                    .expressionAttributeNames(Map.of("#status", "status"))
                    .expressionAttributeValues(Map.of(":now", n(now), ":inProgress", s(IN_PROGRESS))));
            return true;
        } catch (ConditionalCheckFailedException held) {
            return false;
        } catch (SdkException e) {
            throw unavailable("claim", e);
        }
    }

    /** The record holding {@code key}, read consistently. */
    public Optional<IdempotencyRecord> find(String key) {
        try {
            Map<String, AttributeValue> item = dynamo.getItem(get -> get.tableName(config.table())
                    .key(Map.of("pk", s(key))).consistentRead(true)).item();
            if (item == null || item.isEmpty()) {
                return Optional.empty();
            }
            return Optional.of(new IdempotencyRecord(item.get("fingerprint").s(),
                    COMPLETED.equals(item.get("status").s()) ? response(item) : null));
        } catch (SdkException e) {
            throw unavailable("read", e);
        }
    }

    /** Saves the first attempt's response, so retries replay it. */
    public void complete(String key, StoredResponse response) {
        Map<String, AttributeValue> values = new HashMap<>();
        values.put(":completed", s(COMPLETED));
        values.put(":code", n(response.status()));
        values.put(":type", s(response.contentType() == null ? "" : response.contentType()));
        values.put(":headers", AttributeValue.fromM(toAttributes(response.headers())));
        values.put(":body", AttributeValue.fromB(SdkBytes.fromByteArray(response.body())));
        try {
            dynamo.updateItem(update -> update.tableName(config.table()).key(Map.of("pk", s(key)))
                    .updateExpression("set #status = :completed, status_code = :code, content_type = :type, "
                            + "response_headers = :headers, body = :body remove in_progress_until")
                    .expressionAttributeNames(Map.of("#status", "status"))
                    .expressionAttributeValues(values));
        } catch (SdkException e) {
            throw unavailable("save the result", e);
        }
    }

    /** Forgets a claim whose attempt failed, so a retry runs it again. */
    public void release(String key) {
        try {
            dynamo.deleteItem(delete -> delete.tableName(config.table()).key(Map.of("pk", s(key))));
        } catch (SdkException e) {
            throw unavailable("release", e);
        }
    }

    private static StoredResponse response(Map<String, AttributeValue> item) {
        Map<String, String> headers = new HashMap<>();
        item.getOrDefault("response_headers", AttributeValue.fromM(Map.of())).m()
                .forEach((name, value) -> headers.put(name, value.s()));
        String type = item.get("content_type").s();
        return new StoredResponse(Integer.parseInt(item.get("status_code").n()), type.isEmpty() ? null : type, headers,
                item.get("body").b().asByteArray());
    }

    private static Map<String, AttributeValue> toAttributes(Map<String, String> headers) {
        Map<String, AttributeValue> attributes = new HashMap<>();
        headers.forEach((name, value) -> attributes.put(name, s(value)));
        return attributes;
    }

    private static DatabaseError unavailable(String action, SdkException e) {
        return DatabaseError.unavailable("idempotency - cannot " + action + " the Idempotency-Key record; retry shortly", e);
    }

    private static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    private static AttributeValue n(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
