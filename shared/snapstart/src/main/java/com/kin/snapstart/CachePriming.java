package com.kin.snapstart;

import com.kin.cache.TwoTierCache;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;

/**
 * Keeps what priming loaded into the cache's L1 out of the snapshot. Entries and tag versions are checked against the
 * wall clock (which moves on across a restore), so none would be served stale; dropping them still keeps the priming
 * request's entries out of every instance restored from the snapshot.
 */
@Singleton
@Requires(classes = TwoTierCache.class)
@Requires(beans = TwoTierCache.class)
final class CachePriming implements PrimingStep {

    private final TwoTierCache cache;

    CachePriming(TwoTierCache cache) {
        this.cache = cache;
    }

    @Override
    public String subject() {
        return "the cache";
    }

    @Override
    public int getOrder() {
        return 400;
    }

    /** Nothing: the cache connects to DynamoDB at start-up, and the priming invocation exercises it. */
    @Override
    public void warm() {
    }

    @Override
    public void release() {
        cache.clearLocalEntries();
    }

    @Override
    public void afterRestore() {
        cache.clearLocalEntries();
    }
}
