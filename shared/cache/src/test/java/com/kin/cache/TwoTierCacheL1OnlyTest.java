package com.kin.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.kin.core.error.NotFoundError;
import io.micronaut.json.JsonMapper;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The cache without a table: L1 alone, on a fake clock. */
class TwoTierCacheL1OnlyTest {

    private final MutableClock clock = MutableClock.startingNow();
    private final RecordingMetrics metrics = new RecordingMetrics();
    private final TwoTierCache cache = new TwoTierCache(CacheSettings.defaults(null, null, null), null,
            JsonMapper.createDefault(), metrics, clock);
    private final AtomicInteger loads = new AtomicInteger();
    private final CacheKey key = CacheKey.shared(CacheKind.CONTACT, "1", "contact:1", "contacts");

    private Cached<Note> read(long version) {
        return cache.get(key, Note.class, () -> {
            loads.incrementAndGet();
            return new Note("1", version, "text");
        });
    }

    @Test
    void secondRead_isAnL1Hit() {
        assertThat(read(1).source()).isEqualTo(CacheSource.MISS);

        Cached<Note> second = read(2);

        assertThat(second.source()).isEqualTo(CacheSource.L1);
        assertThat(second.value().version()).isEqualTo(1);
        assertThat(loads).hasValue(1);
        assertThat(second.source().headerValue()).isEqualTo("l1");
    }

    @Test
    void invalidation_makesTheNextReadOnThisInstanceAMiss() {
        read(1);

        cache.invalidate("contact:1");

        Cached<Note> after = read(2);
        assertThat(after.source()).isEqualTo(CacheSource.MISS);
        assertThat(after.value().version()).isEqualTo(2);
    }

    @Test
    void withoutL2_invalidationsLeaveNothingPending() {
        cache.invalidate("contact:1", "contacts");

        assertThat(cache.stats().pendingInvalidations()).isZero();
    }

    @Test
    void invalidationOfAnUnrelatedTag_keepsTheEntry() {
        read(1);

        cache.invalidate("contact:2", "owner:9");

        assertThat(read(2).source()).isEqualTo(CacheSource.L1);
    }

    @Test
    void withoutL2_anEntryLivesOnlyTheStalenessBound() {
        read(1);
        clock.advance(Duration.ofMillis(999));
        assertThat(read(2).source()).isEqualTo(CacheSource.L1);

        clock.advance(Duration.ofMillis(1));

        assertThat(read(3).value().version()).isEqualTo(3);
    }

    @Test
    void loaderFailure_propagatesAndCachesNothing() {
        assertThatThrownBy(() -> cache.get(key, Note.class, () -> {
            throw new NotFoundError("contacts - contact 1 not found");
        })).isInstanceOf(NotFoundError.class);

        assertThat(read(1).source()).isEqualTo(CacheSource.MISS);
    }

    @Test
    void nullValue_isReturnedButNotCached() {
        assertThat(cache.get(key, Note.class, () -> null).value()).isNull();

        assertThat(read(1).source()).isEqualTo(CacheSource.MISS);
    }

    @Test
    void sameKeyReadAsAnotherType_isAMissNotAClassCastException() {
        read(1);

        Cached<String> asText = cache.get(key, String.class, () -> "text");

        assertThat(asText.value()).isEqualTo("text");
        assertThat(asText.source()).isEqualTo(CacheSource.MISS);
    }

    @Test
    void hitsAndMisses_areRecordedPerTierAndKind() {
        read(1);
        read(1);

        assertThat(metrics.total("CacheHit", Map.of("tier", "l1", "kind", "contact"))).isEqualTo(1);
        assertThat(metrics.total("CacheMiss", Map.of("tier", "l1", "kind", "contact"))).isEqualTo(1);
        assertThat(metrics.durationsRecorded("CacheLatency", Map.of("tier", "l1"))).isEqualTo(2);
        assertThat(metrics.durationsRecorded("CacheLoadLatency", Map.of("kind", "contact"))).isEqualTo(1);
        CacheStats stats = cache.stats();
        assertThat(stats.l2Enabled()).isFalse();
        assertThat(stats.l2State()).isEqualTo("disabled");
        assertThat(stats.kinds()).filteredOn(k -> k.kind().equals("contact")).singleElement()
                .satisfies(k -> {
                    assertThat(k.l1Hits()).isEqualTo(1);
                    assertThat(k.l1Misses()).isEqualTo(1);
                    assertThat(k.loads()).isEqualTo(1);
                });
    }

    @Test
    void l1Hits_arePublishedOncePerFlush_asTheirCountAndMeanLatency() {
        read(1);
        for (int i = 0; i < 50; i++) {
            read(1);
        }
        assertThat(metrics.counts("CacheHit")).as("nothing per hit before the flush").isEmpty();

        metrics.flush();
        metrics.flush();

        assertThat(metrics.counts("CacheHit")).singleElement().satisfies(hit -> {
            assertThat(hit.value()).isEqualTo(50);
            assertThat(hit.dimensions()).containsEntry("tier", "l1").containsEntry("kind", "contact");
        });
        assertThat(metrics.durationsRecorded("CacheLatency", Map.of("tier", "l1"))).as("one miss, one hit mean")
                .isEqualTo(2);
        read(1);
        assertThat(metrics.total("CacheHit", Map.of("tier", "l1"))).as("the next flush adds only the new hit")
                .isEqualTo(51);
    }

    @Test
    void tooLargeValue_isNotCached() {
        String incompressible = new java.util.Random(7).ints(600_000, 33, 127)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
        CacheKey big = CacheKey.shared(CacheKind.CONTACT, "big");

        cache.get(big, String.class, () -> incompressible);
        Cached<String> again = cache.get(big, String.class, () -> incompressible);

        assertThat(again.source()).isEqualTo(CacheSource.MISS);
        assertThat(metrics.total("CacheDropped", Map.of("reason", "oversize"))).isEqualTo(2);
    }
}
