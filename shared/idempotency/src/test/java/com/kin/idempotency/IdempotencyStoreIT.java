package com.kin.idempotency;

import static org.assertj.core.api.Assertions.assertThat;

import com.kin.testing.LocalDynamoDb;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The store's claim conditions against DynamoDB Local, with time moved by hand: who may take a key over, and when. */
class IdempotencyStoreIT {

    private static final long EXPIRY_SECONDS = 600;
    private static final long IN_PROGRESS_SECONDS = 20;
    private static final String KEY = "idem#things#user#key";
    private static final StoredResponse CREATED = new StoredResponse(201, "application/json", Map.of("ETag", "\"1\""),
            IdempotencyStore.utf8("{\"run\":1}"));

    private final LocalDynamoDb dynamo = LocalDynamoDb.instance();
    private final MovableClock clock = new MovableClock();
    private String table;
    private IdempotencyStore store;

    @BeforeEach
    void start() {
        table = LocalDynamoDb.uniqueTableName("idem-store");
        dynamo.createCacheTable(table);
        store = new IdempotencyStore(dynamo.client(), new IdempotencyConfig(table, EXPIRY_SECONDS, IN_PROGRESS_SECONDS),
                clock);
    }

    @AfterEach
    void stop() {
        dynamo.deleteTable(table);
    }

    @Test
    void heldKey_cannotBeClaimedAgain() {
        assertThat(store.claim(KEY, "f1")).isTrue();

        assertThat(store.claim(KEY, "f1")).isFalse();
        assertThat(store.find(KEY)).hasValueSatisfying(record -> assertThat(record.completed()).isFalse());
    }

    @Test
    void abandonedInProgress_isTakenOver() {
        store.claim(KEY, "f1");
        clock.advance(Duration.ofSeconds(IN_PROGRESS_SECONDS));
        assertThat(store.claim(KEY, "f1")).as("still within the in-progress window").isFalse();
        clock.advance(Duration.ofSeconds(1));

        assertThat(store.claim(KEY, "f2")).isTrue();
        assertThat(store.find(KEY)).hasValueSatisfying(record -> assertThat(record.fingerprint()).isEqualTo("f2"));
    }

    @Test
    void completedKey_isNotTakenOverOnceTheInProgressWindowPassed() {
        store.claim(KEY, "f1");
        store.complete(KEY, CREATED);
        clock.advance(Duration.ofSeconds(IN_PROGRESS_SECONDS + 1));

        assertThat(store.claim(KEY, "f1")).isFalse();
        assertThat(store.find(KEY)).hasValueSatisfying(record -> {
            assertThat(record.completed()).isTrue();
            assertThat(record.response().status()).isEqualTo(201);
            assertThat(record.response().headers()).containsEntry("ETag", "\"1\"");
        });
    }

    @Test
    void expiredKey_isTakenOverAsAFirstAttempt() {
        store.claim(KEY, "f1");
        store.complete(KEY, CREATED);
        clock.advance(Duration.ofSeconds(EXPIRY_SECONDS + 1));

        assertThat(store.claim(KEY, "f1")).isTrue();
        assertThat(store.find(KEY)).hasValueSatisfying(record -> assertThat(record.completed()).isFalse());
    }

    @Test
    void releasedKey_isFreeAtOnce() {
        store.claim(KEY, "f1");

        store.release(KEY);

        assertThat(store.find(KEY)).isEmpty();
        assertThat(store.claim(KEY, "f1")).isTrue();
    }
}
