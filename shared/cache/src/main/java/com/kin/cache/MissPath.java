package com.kin.cache;

import io.micronaut.core.type.Argument;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What happens when L1 cannot answer: one L2 read (which also refreshes the key's tag versions), and if L2 has no
 * current entry either, the loader, whose value is stored in both tiers. Runs once per key at a time (single flight).
 */
final class MissPath {

    /** An entry and the tier it came from. */
    record Loaded(L1Entry entry, CacheSource source) {
    }

    /** What an L2 item turned out to be: a current entry, or nothing, and then whether it was corrupt. */
    private record L2Lookup(L1Entry entry, boolean corrupt) {
        static final L2Lookup UNUSABLE = new L2Lookup(null, false);
        static final L2Lookup CORRUPT = new L2Lookup(null, true);
    }

    private static final Logger LOG = LoggerFactory.getLogger(MissPath.class);

    private final CacheSettings settings;
    private final Clock clock;
    private final L1Tier l1;
    private final TagRegistry tags;
    private final SharedTier shared;
    private final ValueCodec codec;
    private final CacheMetrics metrics;

    MissPath(CacheSettings settings, Clock clock, L1Tier l1, TagRegistry tags, SharedTier shared, ValueCodec codec,
             CacheMetrics metrics) {
        this.settings = settings;
        this.clock = clock;
        this.l1 = l1;
        this.tags = tags;
        this.shared = shared;
        this.codec = codec;
        this.metrics = metrics;
    }

    <T> Loaded load(CacheKey key, String storageKey, Argument<T> type, Supplier<T> loader, L2Budget budget) {
        // Both taken before anything is read: the entry is then conservative about every write that could race it.
        long seq = tags.sequence();
        long capturedAt = clock.millis();
        boolean corruptInL2 = false;
        if (shared != null) {
            long started = System.nanoTime();
            Set<String> staleTags = tags.staleAmong(key.tags(), capturedAt);
            Optional<L2Table.Snapshot> read = shared.read(storageKey, staleTags, key.kind(), budget);
            CacheItem item = read.map(L2Table.Snapshot::entry).orElse(null);
            if (item != null) {
                L2Lookup lookup = fromL2(key, storageKey, type, item, seq);
                if (lookup.entry() != null) {
                    metrics.hit(CacheSource.L2, key.kind(), System.nanoTime() - started);
                    return new Loaded(lookup.entry(), CacheSource.L2);
                }
                corruptInL2 = lookup.corrupt();
            }
            metrics.miss(CacheSource.L2, key.kind(), System.nanoTime() - started);
        }
        return loadFromSource(key, storageKey, type, loader, budget, seq, capturedAt, corruptInL2);
    }

    private <T> Loaded loadFromSource(CacheKey key, String storageKey, Argument<T> type, Supplier<T> loader,
                                      L2Budget budget, long seq, long capturedAt, boolean corruptInL2) {
        Map<String, String> versions = tags.capture(key.tags());
        long started = System.nanoTime();
        T value = loader.get();
        metrics.load(key.kind(), System.nanoTime() - started);
        long now = clock.millis();
        L1Entry entry = new L1Entry(value, type, versions, seq, capturedAt + settings.stalenessBound().toMillis(),
                now + settings.l1Ttl(key.kind()).toMillis());
        if (!store(key, storageKey, type, entry, budget, now) && corruptInL2) {
            shared.delete(storageKey, key.kind(), budget);
        }
        return new Loaded(entry, CacheSource.MISS);
    }

    /** Stores a freshly loaded entry in L1 and, when its tag versions are all known, in L2; true if L2 was written. */
    private <T> boolean store(CacheKey key, String storageKey, Argument<T> type, L1Entry entry, L2Budget budget,
                              long now) {
        if (entry.value() == null) {
            return false;
        }
        @SuppressWarnings("unchecked")
        byte[] stored = codec.encode(type, (T) entry.value());
        if (stored.length > ValueCodec.MAX_STORED_BYTES) {
            metrics.oversize(key.kind());
            return false;
        }
        if (tags.untouchedSince(key.tags(), entry.capturedSeq())) {
            l1.put(storageKey, entry);
        }
        if (shared == null || entry.tagVersions().containsValue(null)) {
            return false;
        }
        long expiresAt = (now + settings.l2Ttl(key.kind()).toMillis()) / 1000;
        shared.write(CacheItem.entry(storageKey, stored, ValueCodec.typeName(type), entry.tagVersions(), expiresAt),
                key.kind(), budget);
        return true;
    }

    /** The L2 item as an entry if it is alive, of this type, current and decodable. */
    private <T> L2Lookup fromL2(CacheKey key, String storageKey, Argument<T> type, CacheItem item, long seq) {
        long now = clock.millis();
        if (!item.malformed() && (item.expiresAt() == null || item.expiresAt() * 1000 <= now)) {
            return L2Lookup.UNUSABLE; // DynamoDB deletes expired items hours late; past its expiry an item is a miss
        }
        if (item.malformed() || item.value() == null || item.tags() == null
                || !ValueCodec.typeName(type).equals(item.type())) {
            metrics.corrupt(key.kind());
            LOG.warn("cache - dropping L2 entry of kind {}: not a {}", key.kind().code(), ValueCodec.typeName(type));
            return L2Lookup.CORRUPT;
        }
        long validUntil = tags.anyPending(key.tags()) ? Long.MIN_VALUE : tags.confirmedUntil(key.tags(), item.tags(), now);
        if (validUntil <= now) {
            return L2Lookup.UNUSABLE;
        }
        T value;
        try {
            value = codec.decode(type, item.value());
        } catch (ValueCodec.CorruptEntryException e) {
            metrics.corrupt(key.kind());
            LOG.warn("cache - dropping undecodable L2 entry of kind {}: {}", key.kind().code(), e.getMessage(), e);
            return L2Lookup.CORRUPT;
        }
        long expiresAt = Math.min(now + settings.l1Ttl(key.kind()).toMillis(), item.expiresAt() * 1000);
        L1Entry entry = new L1Entry(value, type, item.tags(), seq, validUntil, expiresAt);
        if (tags.untouchedSince(key.tags(), seq)) {
            l1.put(storageKey, entry);
        }
        return new L2Lookup(entry, false);
    }
}
