package com.kin.cache;

import static org.assertj.core.api.Assertions.assertThat;

import com.kin.core.identity.Caller;
import com.kin.core.identity.Role;
import io.micronaut.core.type.Argument;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** What the cache stores and serves, against DynamoDB Local: sharing through L2, single flight, scoping, bad entries. */
class CacheEntriesIT {

    private final CacheFixture fixture = new CacheFixture();
    private final RecordingMetrics metricsA = new RecordingMetrics();
    private final RecordingMetrics metricsB = new RecordingMetrics();
    private final TwoTierCache instanceA = fixture.instance(metricsA);
    private final TwoTierCache instanceB = fixture.instance(metricsB);
    private final AtomicInteger loads = new AtomicInteger();

    @AfterEach
    void close() throws Exception {
        fixture.close();
    }

    private Cached<Note> read(TwoTierCache cache, CacheKey key, long version) {
        return cache.get(key, Note.class, () -> {
            loads.incrementAndGet();
            return new Note(key.id(), version, "text");
        });
    }

    @Test
    void valueLoadedOnOneInstance_isAnL2HitOnAnother() {
        CacheKey key = CacheKey.shared(CacheKind.CONTACT, "1", "contact:1");
        read(instanceA, key, 1);

        Cached<Note> fromOther = read(instanceB, key, 2);

        assertThat(fromOther.source()).isEqualTo(CacheSource.L2);
        assertThat(fromOther.value().version()).isEqualTo(1);
        assertThat(read(instanceB, key, 3).source()).isEqualTo(CacheSource.L1);
        assertThat(loads).hasValue(1);
        assertThat(metricsB.total("CacheHit", Map.of("tier", "l2", "kind", "contact"))).isEqualTo(1);
        assertThat(metricsB.total("CacheMiss", Map.of("tier", "l1", "kind", "contact"))).isEqualTo(1);
    }

    @Test
    void concurrentMisses_loadOnce() throws Exception {
        CacheKey key = CacheKey.shared(CacheKind.CONTACT_LIST, "page-1", "contacts");
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch arrived = new CountDownLatch(8);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Cached<Note>>> results = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                results.add(pool.submit(() -> {
                    arrived.countDown();
                    return instanceA.get(key, Note.class, () -> {
                        loads.incrementAndGet();
                        awaitQuietly(release);
                        return new Note("page-1", 1, "list");
                    });
                }));
            }
            arrived.await(10, TimeUnit.SECONDS);
            TimeUnit.MILLISECONDS.sleep(200); // lets the last arrivals join the flight before the loader returns
            release.countDown();
            for (Future<Cached<Note>> result : results) {
                assertThat(result.get(30, TimeUnit.SECONDS).value().version()).isEqualTo(1);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(loads).hasValue(1);
    }

    @Test
    void callersWhoSeeDifferentRecords_neverShareAnEntry() {
        Caller agentA = new Caller(UUID.randomUUID(), "a@kin.test", Role.AGENT, "sales");
        Caller agentB = new Caller(UUID.randomUUID(), "b@kin.test", Role.AGENT, "sales");
        Caller admin = new Caller(UUID.randomUUID(), "c@kin.test", Role.ADMIN, null);
        Caller otherAdmin = new Caller(UUID.randomUUID(), "d@kin.test", Role.ADMIN, null);

        assertThat(page(instanceA, agentA).value().text()).isEqualTo(agentA.visibilityKey());
        assertThat(page(instanceB, agentB).value().text()).isEqualTo(agentB.visibilityKey());
        assertThat(page(instanceA, admin).value().text()).isEqualTo("admin");
        Cached<Note> sharedByAdmins = page(instanceB, otherAdmin);

        assertThat(sharedByAdmins.source()).isEqualTo(CacheSource.L2);
        assertThat(sharedByAdmins.value().text()).isEqualTo("admin");
        assertThat(loads).hasValue(3);
    }

    private Cached<Note> page(TwoTierCache cache, Caller caller) {
        CacheKey key = CacheKey.builder(CacheKind.CONTACT_LIST).scope(caller).param("q", "smith").tags("contacts").build();
        return cache.get(key, Note.class, () -> {
            loads.incrementAndGet();
            return new Note("page", 1, caller.visibilityKey());
        });
    }

    @Test
    void undecodableEntry_isDroppedAndReloaded() {
        CacheKey key = CacheKey.shared(CacheKind.MESSAGE, "m1", "message:m1");
        read(instanceA, key, 1);
        fixture.overwriteAttribute(StorageKeys.entry(key), "val", AttributeValue.fromB(SdkBytes.fromUtf8String("garbage")));

        Cached<Note> reloaded = read(instanceB, key, 2);

        assertThat(reloaded.source()).isEqualTo(CacheSource.MISS);
        assertThat(reloaded.value().version()).isEqualTo(2);
        assertThat(metricsB.total("CacheDropped", Map.of("kind", "message", "reason", "corrupt"))).isEqualTo(1);
        Cached<Note> afterRepair = read(fixture.instance(new RecordingMetrics()), key, 3);
        assertThat(afterRepair.source()).isEqualTo(CacheSource.L2);
        assertThat(afterRepair.value().version()).isEqualTo(2);
    }

    @Test
    void entryWithAttributesOfTheWrongDynamoDbType_isDroppedAndReloaded() {
        CacheKey key = CacheKey.shared(CacheKind.MESSAGE, "m2", "message:m2");
        read(instanceA, key, 1);
        fixture.overwriteAttribute(StorageKeys.entry(key), "val", AttributeValue.fromS("not binary"));
        fixture.overwriteAttribute(StorageKeys.entry(key), "tags", AttributeValue.fromN("7"));

        Cached<Note> reloaded = read(instanceB, key, 2);

        assertThat(reloaded.source()).isEqualTo(CacheSource.MISS);
        assertThat(reloaded.value().version()).isEqualTo(2);
        assertThat(read(fixture.instance(new RecordingMetrics()), key, 3).value().version()).isEqualTo(2);
    }

    @Test
    void entryOfAnotherType_isDroppedNotDecoded() {
        CacheKey key = CacheKey.shared(CacheKind.TEMPLATE, "t1", "template:t1");
        instanceA.get(key, Argument.listOf(String.class), () -> List.of("not", "a", "note"));

        Cached<Note> asNote = read(instanceB, key, 5);

        assertThat(asNote.source()).isEqualTo(CacheSource.MISS);
        assertThat(asNote.value().version()).isEqualTo(5);
        assertThat(metricsB.total("CacheDropped", Map.of("reason", "corrupt"))).isEqualTo(1);
    }

    @Test
    void valueTooLargeForAnItem_isNotCachedInEitherTier() {
        CacheKey key = CacheKey.shared(CacheKind.SEARCH, "huge", "contacts");
        String incompressible = new Random(11).ints(500_000, 33, 127)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();

        instanceA.get(key, String.class, () -> incompressible);
        Cached<String> again = instanceA.get(key, String.class, () -> incompressible);

        assertThat(again.source()).isEqualTo(CacheSource.MISS);
        assertThat(again.value()).hasSize(500_000);
        assertThat(fixture.item(StorageKeys.entry(key))).isEmpty();
        assertThat(metricsA.total("CacheDropped", Map.of("reason", "oversize"))).isEqualTo(2);
    }

    @Test
    void bulkInvalidation_reachesEveryTaggedEntryOnOtherInstances() {
        List<CacheKey> keys = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            keys.add(CacheKey.shared(CacheKind.CONTACT, "c" + i, "contact:c" + i));
        }
        keys.forEach(key -> read(instanceB, key, 1));
        List<String> tags = keys.stream().map(key -> "contact:" + key.id().substring("*|id=".length())).toList();

        instanceA.invalidate(tags);
        fixture.clock.advance(fixture.settings().stalenessBound());

        keys.forEach(key -> assertThat(read(instanceB, key, 2).value().version()).as(key.id()).isEqualTo(2));
        assertThat(instanceA.stats().pendingInvalidations()).isZero();
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
