package com.kin.cache;

import com.kin.core.metrics.MetricsRecorder;
import io.micronaut.context.annotation.Context;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.Collection;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;

/**
 * The two-tier cache: an in-process LRU (L1) over a DynamoDB table shared by all instances (L2), with tag
 * invalidation and a bound on how long another instance may serve what a write replaced. See the README for the design
 * and the argument that it holds.
 *
 * <ul>
 *   <li>{@link #get}: L1, then L2, then the loader; concurrent misses of one key run the loader once.</li>
 *   <li>{@link #invalidate}: call after the database transaction committed; on return, no read on this instance sees
 *       the old value, and after the staleness bound no read on any instance does.</li>
 *   <li>L2 failures never fail a request: the cache waits at most the L2 timeout per operation, then answers from the
 *       loader, and bypasses L2 until its retry interval has passed.</li>
 * </ul>
 *
 * <p>Without a table (CACHE_TABLE unset) the cache runs L1 only: other instances' writes cannot reach it, so an entry
 * is served for at most the staleness bound after it was loaded.
 *
 * <p>Cached values must be immutable (records): L1 hands the same instance to every caller.
 */
@Context
public final class TwoTierCache implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(TwoTierCache.class);
    private static final Duration WARM_UP_WAIT = Duration.ofSeconds(2);
    private static final int FLIGHT_ATTEMPTS = 3;

    private final CacheSettings settings;
    private final Clock clock;
    private final L1Tier l1;
    private final TagRegistry tags;
    private final SharedTier shared;
    private final CacheMetrics metrics;
    private final MissPath missPath;
    private final SingleFlight flights = new SingleFlight();

    @Inject
    public TwoTierCache(CacheSettings settings, @Nullable @Named("cache") DynamoDbEnhancedClient dynamoDb,
                        JsonMapper jsonMapper, MetricsRecorder recorder, Clock clock) {
        if (settings.l2Enabled() != (dynamoDb != null)) {
            throw new IllegalArgumentException("cache - a table needs a DynamoDB client, and only a table does");
        }
        this.settings = settings;
        this.clock = clock;
        this.l1 = new L1Tier(clock, settings.l1MaxSize());
        this.tags = new TagRegistry(clock, settings.stalenessBound(), dynamoDb != null);
        this.metrics = new CacheMetrics(recorder);
        recorder.beforeFlush(metrics::publishL1Hits);
        this.shared = dynamoDb == null ? null : new SharedTier(new L2Table(dynamoDb, settings.table()),
                new L2Guard(new CircuitBreaker(clock, settings.l2RetryInterval()), metrics, settings.l2RetryInterval()),
                tags, clock, settings.longestTtl(), settings.l2Timeout());
        this.missPath = new MissPath(settings, clock, l1, tags, shared, new ValueCodec(jsonMapper), metrics);
    }

    /** Connects to DynamoDB during start-up (the Lambda init phase), so the first request does not pay for it. */
    @PostConstruct
    public void start() {
        if (shared == null) {
            LOG.info("cache - CACHE_TABLE not set: L1 only; entries live at most {} ms, the staleness bound",
                    settings.stalenessBound().toMillis());
            return;
        }
        shared.warmUp(L2Budget.of(WARM_UP_WAIT));
        LOG.info("cache - L1 up to {} entries over DynamoDB table {}; staleness bound {} ms, L2 budget {} ms",
                settings.l1MaxSize(), settings.table(), settings.stalenessBound().toMillis(),
                settings.l2Timeout().toMillis());
    }

    /**
     * The value under {@code key}: from L1 if current, else from L2 if current, else from {@code loader} (stored in
     * both tiers unless null or too large). The loader's exceptions propagate and nothing is cached.
     */
    public <T> Cached<T> get(CacheKey key, Argument<T> type, Supplier<T> loader) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(loader, "loader");
        String storageKey = StorageKeys.entry(key);
        long started = System.nanoTime();
        L2Budget budget = L2Budget.of(settings.l2Timeout());
        L1Entry entry = l1.get(storageKey);
        if (entry != null && entry.holds(type) && isCurrent(entry, key, budget)) {
            metrics.hit(CacheSource.L1, key.kind(), System.nanoTime() - started);
            return cached(entry, type, CacheSource.L1);
        }
        metrics.miss(CacheSource.L1, key.kind(), System.nanoTime() - started);
        for (int attempt = 0; attempt < FLIGHT_ATTEMPTS; attempt++) {
            SingleFlight.Outcome<MissPath.Loaded> outcome =
                    flights.run(storageKey, () -> missPath.load(key, storageKey, type, loader, budget));
            MissPath.Loaded loaded = outcome.value();
            // A follower joined a load that began before it: the result must still be current for this caller.
            if (outcome.led() || loaded.entry().holds(type) && isCurrent(loaded.entry(), key, budget)) {
                return cached(loaded.entry(), type, loaded.source());
            }
        }
        // Writes kept landing while others loaded this key: this caller loads for itself, uncached.
        return new Cached<>(loader.get(), CacheSource.MISS);
    }

    /** {@link #get(CacheKey, Argument, Supplier)} for a plain class. */
    public <T> Cached<T> get(CacheKey key, Class<T> type, Supplier<T> loader) {
        return get(key, Argument.of(type), loader);
    }

    /**
     * Makes every entry tagged with any of {@code invalidated} a miss: at once on this instance, within the staleness
     * bound on every other. Call it after the transaction that changed the data committed, with the tags of every
     * entity, list and search the change could affect (for a bulk change, all of them in one call).
     */
    public void invalidate(Collection<String> invalidated) {
        Set<String> distinct = Set.copyOf(invalidated);
        distinct.forEach(CacheKey::requireValidTag);
        if (distinct.isEmpty()) {
            return;
        }
        tags.markInvalidated(distinct);
        if (shared != null) {
            shared.writeInvalidations();
        }
    }

    public void invalidate(String... invalidated) {
        invalidate(Arrays.asList(invalidated));
    }

    /**
     * Drops every L1 entry; the next read of each key goes to L2. For SnapStart (kin-snapstart): what priming loaded
     * stays out of the snapshot. Tag versions and local invalidations are kept: they are what makes L2 entries safe.
     */
    public void clearLocalEntries() {
        l1.clear();
    }

    /** Counters and state for the health and metrics endpoints. */
    public CacheStats stats() {
        String l2State = shared == null ? "disabled" : shared.state().name().toLowerCase(java.util.Locale.ROOT);
        return new CacheStats(shared != null, l2State, l1.size(), metrics.l2Errors(), tags.pendingCount(),
                metrics.kindStats());
    }

    /** Whether an entry may be served now; may refresh its tag versions from L2 (at most once per staleness bound). */
    private boolean isCurrent(L1Entry entry, CacheKey key, L2Budget budget) {
        if (!tags.untouchedSince(key.tags(), entry.capturedSeq())) {
            return false;
        }
        long now = clock.millis();
        if (now < entry.validUntil()) {
            return true;
        }
        if (shared == null || !shared.refresh(tags.staleAmong(key.tags(), now), key.kind(), budget)) {
            return false;
        }
        long until = tags.confirmedUntil(key.tags(), entry.tagVersions(), now);
        if (until <= now) {
            return false;
        }
        entry.extendValidity(until);
        return true;
    }

    @SuppressWarnings("unchecked") // the entry holds this type: checked by L1Entry.holds, or stored for it by MissPath
    private static <T> Cached<T> cached(L1Entry entry, Argument<T> type, CacheSource source) {
        return new Cached<>((T) entry.value(), source);
    }

    @PreDestroy
    @Override
    public void close() {
        if (shared != null) {
            shared.close();
        }
    }
}
