package com.kin.cache;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The guide's TTLs per kind, in force on both tiers, against DynamoDB Local and a fake clock. */
class TierTtlIT {

    private static final Duration TICK = Duration.ofMillis(1);
    private final CacheFixture fixture = new CacheFixture();
    private final CacheSettings settings = fixture.settings();
    private final TwoTierCache cache = fixture.instance(new RecordingMetrics());
    private final AtomicLong version = new AtomicLong();

    @AfterEach
    void close() throws Exception {
        fixture.close();
    }

    private Cached<Note> read(CacheKey key) {
        return cache.get(key, Note.class, () -> new Note(key.id(), version.incrementAndGet(), "text"));
    }

    @ParameterizedTest
    @EnumSource(CacheKind.class)
    void eachKind_livesItsL1TtlInL1AndItsL2TtlInL2(CacheKind kind) {
        Duration l1 = settings.l1Ttl(kind);
        Duration l2 = settings.l2Ttl(kind);
        CacheKey key = CacheKey.shared(kind, "ttl", kind.code() + ":1");
        long start = fixture.clock.millis();

        assertThat(read(key).source()).isEqualTo(CacheSource.MISS);
        assertThat(fixture.item(StorageKeys.entry(key)).get("expires_at").n())
                .isEqualTo(Long.toString((start + l2.toMillis()) / 1000));

        fixture.clock.advance(l1.minus(TICK));
        assertThat(read(key).source()).as("just before the L1 TTL").isEqualTo(CacheSource.L1);

        fixture.clock.advance(TICK);
        if (l1.compareTo(l2) < 0) {
            assertThat(read(key).source()).as("L1 expired, L2 alive").isEqualTo(CacheSource.L2);
            fixture.clock.advance(l2.minus(l1));
        }
        assertThat(read(key).source()).as("both tiers expired").isEqualTo(CacheSource.MISS);
    }

    @Test
    void expiredItemNotYetDeletedByDynamoDb_isAMiss() {
        CacheKey key = CacheKey.shared(CacheKind.VOICEMAIL, "v1", "voicemail:v1");
        read(key);
        fixture.clock.advance(settings.l2Ttl(CacheKind.VOICEMAIL));

        Cached<Note> afterExpiry = read(key);

        assertThat(afterExpiry.source()).isEqualTo(CacheSource.MISS);
        assertThat(afterExpiry.value().version()).isEqualTo(2);
        assertThat(fixture.item(StorageKeys.entry(key))).as("DynamoDB Local keeps expired items").isNotEmpty();
    }

    @Test
    void l1CopyOfAnL2Entry_neverOutlivesTheL2Item() {
        CacheKey key = CacheKey.shared(CacheKind.CALL, "c1", "call:c1");
        TwoTierCache other = fixture.instance(new RecordingMetrics());
        read(key);
        fixture.clock.advance(Duration.ofSeconds(290));
        assertThat(other.get(key, Note.class, () -> new Note("c1", 99, "reloaded")).source()).isEqualTo(CacheSource.L2);

        fixture.clock.advance(Duration.ofSeconds(10));

        Cached<Note> atL2Expiry = other.get(key, Note.class, () -> new Note("c1", 99, "reloaded"));
        assertThat(atL2Expiry.source()).isEqualTo(CacheSource.MISS);
        assertThat(atL2Expiry.value().version()).isEqualTo(99);
    }

    @Test
    void sessionTtl_followsTheSetting() {
        CacheSettings shortSessions = new CacheSettings(fixture.table, settings.defaultTtl(), Duration.ofSeconds(60),
                settings.l1MaxSize(), settings.l2Timeout(), settings.stalenessBound(), settings.l2RetryInterval(),
                settings.endpoint(), settings.region());
        TwoTierCache sessions = fixture.instance(shortSessions, new RecordingMetrics());
        CacheKey key = CacheKey.shared(CacheKind.SESSION, "user-1", "user:1");
        sessions.get(key, Note.class, () -> new Note("user-1", 1, "me"));

        fixture.clock.advance(Duration.ofSeconds(60));

        assertThat(sessions.get(key, Note.class, () -> new Note("user-1", 2, "me")).source()).isEqualTo(CacheSource.MISS);
    }
}
