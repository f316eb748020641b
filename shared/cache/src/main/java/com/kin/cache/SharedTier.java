package com.kin.cache;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * L2, the DynamoDB tier shared by all instances, as the cache uses it: reads that also refresh tag versions, entry
 * writes, and invalidations written as new tag versions followed by a new epoch. Every call goes through
 * {@link L2Guard}, so none can fail or stall a request.
 */
final class SharedTier implements AutoCloseable {

    /** Tag items outlive the longest TTL by this much, so no entry can outlive the version it recorded. */
    private static final Duration TAG_VERSION_MARGIN = Duration.ofDays(1);

    private final L2Table table;
    private final L2Guard guard;
    private final TagRegistry tags;
    private final Clock clock;
    private final long tagVersionLifetimeSeconds;
    private final Duration callTimeout;
    private final AtomicBoolean unwrittenInvalidations = new AtomicBoolean();

    SharedTier(L2Table table, L2Guard guard, TagRegistry tags, Clock clock, Duration longestTtl, Duration callTimeout) {
        this.table = table;
        this.callTimeout = callTimeout;
        this.guard = guard;
        this.tags = tags;
        this.clock = clock;
        this.tagVersionLifetimeSeconds = longestTtl.plus(TAG_VERSION_MARGIN).toSeconds();
    }

    /**
     * Reads the entry under {@code entryKey} (null: none) and the versions of {@code staleTags} in one round trip, and
     * hands the versions to the registry. Empty when L2 gave no answer.
     */
    Optional<L2Table.Snapshot> read(String entryKey, Set<String> staleTags, CacheKind kind, L2Budget budget) {
        TagRegistry.Refresh refresh = tags.beginRefresh();
        Optional<L2Table.Snapshot> snapshot = guard.call("read", kind, budget, () -> table.read(entryKey, staleTags));
        snapshot.ifPresent(read -> tags.completeRefresh(refresh, staleTags, read.tagVersions(), read.epoch()));
        if (snapshot.isPresent() && unwrittenInvalidations.get()) {
            writeInvalidations();
        }
        return snapshot;
    }

    /** Brings {@code staleTags} of an entry of {@code kind} up to date; false when L2 gave no answer. */
    boolean refresh(Set<String> staleTags, CacheKind kind, L2Budget budget) {
        return staleTags.isEmpty() || read(null, staleTags, kind, budget).isPresent();
    }

    void write(CacheItem item, CacheKind kind, L2Budget budget) {
        guard.call("write", kind, budget, () -> {
            table.put(item);
            return Boolean.TRUE;
        });
    }

    void delete(String key, CacheKind kind, L2Budget budget) {
        guard.call("delete", kind, budget, () -> {
            table.delete(key);
            return Boolean.TRUE;
        });
    }

    /** Connects and checks the table before the first request needs it. */
    void warmUp(L2Budget budget) {
        guard.call("warm-up", budget, () -> table.read(null, Set.of()));
    }

    /**
     * Writes a new version of every pending tag, then a new epoch; tags written stop being pending. What fails stays
     * pending and is written again with the next invalidation or the next read that reaches DynamoDB.
     *
     * <p>The wait allowed is one call timeout per round of parallel batch writes plus one for the epoch: a bulk
     * invalidation of many tags takes proportionally longer, a dead L2 still costs one timeout.
     */
    void writeInvalidations() {
        long coveredSeq = tags.sequence();
        Set<String> pendingTags = tags.pendingTags();
        if (pendingTags.isEmpty()) {
            return;
        }
        int batches = (pendingTags.size() + L2Table.MAX_WRITE_BATCH - 1) / L2Table.MAX_WRITE_BATCH;
        int rounds = (batches + L2Guard.THREADS - 1) / L2Guard.THREADS;
        L2Budget budget = L2Budget.of(callTimeout.multipliedBy(rounds + 1L));
        long startedAt = clock.millis();
        long expiresAt = startedAt / 1000 + tagVersionLifetimeSeconds;
        Map<String, String> versions = new LinkedHashMap<>();
        pendingTags.forEach(tag -> versions.put(tag, newVersion()));
        Optional<List<List<String>>> unwritten = guard.callAll("invalidate", budget, batchWrites(versions, expiresAt));
        if (unwritten.isEmpty()) {
            unwrittenInvalidations.set(true);
            return;
        }
        Map<String, String> written = new HashMap<>(versions);
        unwritten.get().forEach(batch -> batch.forEach(written::remove));
        boolean epochWritten = guard.call("invalidate", budget, () -> {
            table.writeEpoch(newVersion());
            return Boolean.TRUE;
        }).isPresent();
        // Without the new epoch other instances could keep vouching for the old versions: keep the tags pending.
        if (epochWritten) {
            tags.confirmWritten(written, startedAt, coveredSeq);
        }
        unwrittenInvalidations.set(!epochWritten || written.size() < versions.size());
    }

    CircuitBreaker.State state() {
        return guard.state();
    }

    private List<Callable<List<String>>> batchWrites(Map<String, String> versions, long expiresAt) {
        List<Callable<List<String>>> writes = new ArrayList<>();
        Map<String, String> batch = new HashMap<>();
        for (Map.Entry<String, String> version : versions.entrySet()) {
            batch.put(version.getKey(), version.getValue());
            if (batch.size() == L2Table.MAX_WRITE_BATCH) {
                writes.add(writeCall(batch, expiresAt));
                batch = new HashMap<>();
            }
        }
        if (!batch.isEmpty()) {
            writes.add(writeCall(batch, expiresAt));
        }
        return writes;
    }

    private Callable<List<String>> writeCall(Map<String, String> batch, long expiresAt) {
        return () -> table.writeVersions(batch, expiresAt);
    }

    /** A version no tag has had: a random UUID from SecureRandom, so no two writers anywhere produce the same one. */
    private static String newVersion() {
        return UUID.randomUUID().toString();
    }

    @Override
    public void close() {
        guard.close();
    }
}
