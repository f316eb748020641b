package com.kin.cache;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * What this instance knows about tag versions, and the invalidations it made itself; the heart of the correctness
 * argument in the README.
 *
 * <p>A tag's version is the value DynamoDB last held for it, with the time a read of it started ({@code confirmedAt}):
 * every invalidation that returned before that time is reflected in it. It stays trusted for one staleness bound.
 * Local invalidations are numbered ({@link #sequence()}); an entry remembers the number current before its value was
 * read, so a later local invalidation of any of its tags makes it a miss at once. Tags invalidated locally but not yet
 * written to DynamoDB are pending: no L2 entry with such a tag is trusted, nor written.
 */
final class TagRegistry {

    /** The version of a tag DynamoDB holds no item for: never invalidated (or long enough ago to have expired). */
    static final String NEVER_WRITTEN = "0";
    private static final int MAX_TRACKED_TAGS = 200_000;

    private final Clock clock;
    private final long boundMillis;
    private final boolean shared;
    private final Cache<String, TagState> states;
    private final Map<String, Long> pending = new ConcurrentHashMap<>();
    private final AtomicLong sequence = new AtomicLong();
    private final AtomicLong lastInvalidation = new AtomicLong();
    private final AtomicLong evictedFloor = new AtomicLong();
    private final AtomicReference<EpochState> epoch = new AtomicReference<>(new EpochState(null, Long.MIN_VALUE));

    /** What is known of one tag. {@code version} is null until read or written; {@code localSeq} is its last local invalidation. */
    record TagState(String version, long confirmedAt, String epochAtRead, long localSeq) {
    }

    /** The epoch value last read and when that read started. */
    record EpochState(String value, long confirmedAt) {
    }

    /** A read of tag versions under way: when it started and which epoch value was known before it. */
    record Refresh(long startedAt, String epochBefore) {
    }

    /** {@code shared}: whether an L2 exists to write invalidations to; without one nothing is ever pending. */
    TagRegistry(Clock clock, Duration stalenessBound, boolean shared) {
        this.clock = clock;
        this.shared = shared;
        this.boundMillis = stalenessBound.toMillis();
        this.states = Caffeine.newBuilder()
                .maximumSize(MAX_TRACKED_TAGS)
                .executor(Runnable::run)
                .evictionListener((String tag, TagState state, com.github.benmanes.caffeine.cache.RemovalCause cause) ->
                        evictedFloor.accumulateAndGet(state.localSeq(), Math::max))
                .build();
    }

    /** The number of the latest local invalidation; read it before reading the value an entry will hold. */
    long sequence() {
        return sequence.get();
    }

    /** Records a local invalidation of {@code tags}: entries numbered before it become misses, the tags pending. */
    synchronized long markInvalidated(Collection<String> tags) {
        long seq = sequence.get() + 1;
        // Pending before the number is published: whoever reads the new number also sees the tags pending.
        if (shared) {
            tags.forEach(tag -> pending.merge(tag, seq, Math::max));
        }
        sequence.set(seq);
        tags.forEach(tag -> states.asMap().compute(tag, (t, state) -> state == null
                ? new TagState(null, Long.MIN_VALUE, null, seq)
                : new TagState(state.version(), state.confirmedAt(), state.epochAtRead(), seq)));
        lastInvalidation.set(seq);
        return seq;
    }

    /** Whether none of {@code tags} was invalidated locally after local invalidation number {@code capturedSeq}. */
    boolean untouchedSince(Collection<String> tags, long capturedSeq) {
        if (capturedSeq >= lastInvalidation.get()) {
            return true;
        }
        for (String tag : tags) {
            TagState state = states.getIfPresent(tag);
            long localSeq = state != null ? state.localSeq() : evictedFloor.get();
            if (localSeq > capturedSeq) {
                return false;
            }
        }
        return true;
    }

    boolean anyPending(Collection<String> tags) {
        for (String tag : tags) {
            if (pending.containsKey(tag)) {
                return true;
            }
        }
        return false;
    }

    Set<String> pendingTags() {
        return Set.copyOf(pending.keySet());
    }

    int pendingCount() {
        return pending.size();
    }

    /** The tags among {@code tags} whose version is not confirmed within the staleness bound. */
    Set<String> staleAmong(Collection<String> tags, long now) {
        Set<String> stale = null;
        for (String tag : tags) {
            TagState state = states.getIfPresent(tag);
            if (state == null || state.version() == null || effectiveConfirmedAt(state) + boundMillis <= now) {
                stale = stale == null ? new java.util.HashSet<>() : stale;
                stale.add(tag);
            }
        }
        return stale == null ? Set.of() : stale;
    }

    Refresh beginRefresh() {
        return new Refresh(clock.millis(), epoch.get().value());
    }

    /** Takes in tag versions and the epoch read by {@code refresh}; a tag without an item is {@link #NEVER_WRITTEN}. */
    void completeRefresh(Refresh refresh, Collection<String> tags, Map<String, String> versions, String epochValue) {
        for (String tag : tags) {
            confirm(tag, versions.getOrDefault(tag, NEVER_WRITTEN), refresh.startedAt(), refresh.epochBefore());
        }
        EpochState read = new EpochState(epochValue, refresh.startedAt());
        epoch.accumulateAndGet(read, (known, seen) -> {
            if (known.value() != null && known.value().equals(seen.value())) {
                return new EpochState(known.value(), Math.max(known.confirmedAt(), seen.confirmedAt()));
            }
            return seen.confirmedAt() > known.confirmedAt() ? seen : known;
        });
    }

    /**
     * Takes in versions this instance wrote in a write that started at {@code startedAt}; tags invalidated locally no
     * later than {@code coveredSeq} stop being pending.
     */
    void confirmWritten(Map<String, String> written, long startedAt, long coveredSeq) {
        written.forEach((tag, version) -> {
            confirm(tag, version, startedAt, null);
            pending.computeIfPresent(tag, (t, seq) -> seq <= coveredSeq ? null : seq);
        });
    }

    /** The versions to record in an entry about to be loaded: null for a tag unknown or pending (then L2 is not written). */
    Map<String, String> capture(Collection<String> tags) {
        Map<String, String> versions = new HashMap<>();
        for (String tag : tags) {
            TagState state = states.getIfPresent(tag);
            versions.put(tag, state == null || pending.containsKey(tag) ? null : state.version());
        }
        return versions;
    }

    /**
     * Until when an entry that recorded {@code recorded} may be served: the earliest confirmation of its tags plus the
     * bound, or {@link Long#MIN_VALUE} when a tag is stale, unknown or at another version.
     */
    long confirmedUntil(Collection<String> tags, Map<String, String> recorded, long now) {
        long until = Long.MAX_VALUE;
        for (String tag : tags) {
            TagState state = states.getIfPresent(tag);
            if (state == null || state.version() == null || !state.version().equals(recorded.get(tag))) {
                return Long.MIN_VALUE;
            }
            long trustedUntil = effectiveConfirmedAt(state) + boundMillis;
            if (trustedUntil <= now) {
                return Long.MIN_VALUE;
            }
            until = Math.min(until, trustedUntil);
        }
        return until;
    }

    private void confirm(String tag, String version, long confirmedAt, String epochAtRead) {
        states.asMap().compute(tag, (t, state) -> {
            if (state == null) {
                return new TagState(version, confirmedAt, epochAtRead, evictedFloor.get());
            }
            // The observation that started later is the newer one; an older answer arriving late changes nothing.
            return confirmedAt >= state.confirmedAt()
                    ? new TagState(version, confirmedAt, epochAtRead, state.localSeq())
                    : state;
        });
    }

    /**
     * A tag read after epoch value E was known is still current when the epoch is again E on a later read: every
     * invalidation writes its tags before the epoch, so an unchanged epoch means no tag changed in between.
     */
    private long effectiveConfirmedAt(TagState state) {
        EpochState current = epoch.get();
        boolean epochVouches = state.epochAtRead() != null && state.epochAtRead().equals(current.value());
        return epochVouches ? Math.max(state.confirmedAt(), current.confirmedAt()) : state.confirmedAt();
    }
}
