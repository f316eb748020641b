package com.kin.cache;

import com.kin.core.metrics.MetricsRecorder;
import io.micronaut.core.annotation.Nullable;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counts cache outcomes for {@link CacheStats} and records them through {@link MetricsRecorder} (CloudWatch EMF via
 * Powertools in a function). Dimensions are the tier ({@code l1}, {@code l2}), the kind (for errors, when the failed
 * call was for one kind) and, for errors, the L2 operation: all from small fixed sets.
 *
 * <p>L1 hits are aggregated, not sampled: a hit takes about a microsecond, and one metric sample per hit (a map, a lock,
 * a buffer) cost more than the hit itself. Their count and mean latency per kind are published once per flush (once
 * per invocation); everything slower (L1 misses, L2, loads) is still recorded per event.
 */
final class CacheMetrics {

    private enum Counter { L1_HIT, L1_MISS, L2_HIT, L2_MISS, LOAD, CORRUPT, OVERSIZE }

    private final MetricsRecorder recorder;
    private final Map<CacheKind, LongAdder[]> counters = new EnumMap<>(CacheKind.class);
    private final Map<CacheKind, LongAdder> l1HitNanos = new EnumMap<>(CacheKind.class);
    private final Map<CacheKind, long[]> l1HitsPublished = new EnumMap<>(CacheKind.class);
    private final LongAdder l2Errors = new LongAdder();

    CacheMetrics(MetricsRecorder recorder) {
        this.recorder = recorder;
        for (CacheKind kind : CacheKind.values()) {
            LongAdder[] adders = new LongAdder[Counter.values().length];
            for (int i = 0; i < adders.length; i++) {
                adders[i] = new LongAdder();
            }
            counters.put(kind, adders);
            l1HitNanos.put(kind, new LongAdder());
            l1HitsPublished.put(kind, new long[2]);
        }
    }

    /** A tier answered with a value; {@code nanos} is how long it took to answer. */
    void hit(CacheSource tier, CacheKind kind, long nanos) {
        if (tier == CacheSource.L1) {
            l1HitNanos.get(kind).add(nanos);
            count(kind, Counter.L1_HIT);
            return;
        }
        count(kind, Counter.L2_HIT);
        record("CacheHit", tier, kind, nanos);
    }

    /**
     * Publishes the L1 hits since the last call: their count and mean latency per kind. Registered to run before each
     * flush; hits that land while it runs are published by the next one.
     */
    synchronized void publishL1Hits() {
        for (CacheKind kind : CacheKind.values()) {
            long[] published = l1HitsPublished.get(kind);
            long hits = sum(counters.get(kind), Counter.L1_HIT);
            long nanos = l1HitNanos.get(kind).sum();
            long newHits = hits - published[0];
            if (newHits > 0) {
                Map<String, String> dimensions = Map.of("tier", CacheSource.L1.headerValue(), "kind", kind.code());
                recorder.count("CacheHit", newHits, dimensions);
                recorder.millis("CacheLatency", (nanos - published[1]) / 1e6 / newHits, dimensions);
            }
            published[0] = hits;
            published[1] = nanos;
        }
    }

    /** A tier had no usable value; {@code nanos} is how long it took to find out. */
    void miss(CacheSource tier, CacheKind kind, long nanos) {
        count(kind, tier == CacheSource.L1 ? Counter.L1_MISS : Counter.L2_MISS);
        record("CacheMiss", tier, kind, nanos);
    }

    /** The loader ran (the database answered). */
    void load(CacheKind kind, long nanos) {
        count(kind, Counter.LOAD);
        recorder.millis("CacheLoadLatency", nanos / 1e6, Map.of("kind", kind.code()));
    }

    void corrupt(CacheKind kind) {
        count(kind, Counter.CORRUPT);
        recorder.count("CacheDropped", 1, Map.of("kind", kind.code(), "reason", "corrupt"));
    }

    void oversize(CacheKind kind) {
        count(kind, Counter.OVERSIZE);
        recorder.count("CacheDropped", 1, Map.of("kind", kind.code(), "reason", "oversize"));
    }

    /**
     * Called once per retry interval at most (see {@link L2Guard}). {@code kind} is the kind of the entry the failed call
     * was for, null for calls that serve no one kind (warm-up, invalidations): then the dimension is left out.
     */
    void l2Error(String operation, @Nullable CacheKind kind) {
        l2Errors.increment();
        Map<String, String> dimensions = kind == null ? Map.of("tier", "l2", "operation", operation)
                : Map.of("tier", "l2", "operation", operation, "kind", kind.code());
        recorder.count("CacheError", 1, dimensions);
    }

    long l2Errors() {
        return l2Errors.sum();
    }

    List<CacheStats.KindStats> kindStats() {
        List<CacheStats.KindStats> stats = new ArrayList<>();
        counters.forEach((kind, adders) -> stats.add(new CacheStats.KindStats(kind.code(),
                sum(adders, Counter.L1_HIT), sum(adders, Counter.L1_MISS), sum(adders, Counter.L2_HIT),
                sum(adders, Counter.L2_MISS), sum(adders, Counter.LOAD), sum(adders, Counter.CORRUPT),
                sum(adders, Counter.OVERSIZE))));
        return stats;
    }

    private void record(String metric, CacheSource tier, CacheKind kind, long nanos) {
        Map<String, String> dimensions = Map.of("tier", tier.headerValue(), "kind", kind.code());
        recorder.count(metric, 1, dimensions);
        recorder.millis("CacheLatency", nanos / 1e6, dimensions);
    }

    private void count(CacheKind kind, Counter counter) {
        counters.get(kind)[counter.ordinal()].increment();
    }

    private static long sum(LongAdder[] adders, Counter counter) {
        return adders[counter.ordinal()].sum();
    }
}
