package com.kin.health;

import com.kin.cache.CacheStats;
import com.kin.cache.TwoTierCache;
import jakarta.inject.Singleton;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * This instance's in-memory tier (L1) and how it sees L2, from {@link TwoTierCache#stats()}. Informational: the
 * counters are this instance's since it started, and the table itself is judged by {@link CacheTableCheck}.
 */
@Singleton
final class MemoryCacheCheck implements HealthCheck {

    private final TwoTierCache cache;

    MemoryCacheCheck(TwoTierCache cache) {
        this.cache = cache;
    }

    @Override
    public String name() {
        return "memoryCache";
    }

    @Override
    public int order() {
        return 30;
    }

    @Override
    public Outcome run() {
        CacheStats stats = cache.stats();
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("l1Entries", stats.l1Entries());
        details.put("l2Enabled", stats.l2Enabled());
        details.put("l2State", stats.l2State());
        details.put("l2Errors", stats.l2Errors());
        details.put("pendingInvalidations", stats.pendingInvalidations());
        details.put("kinds", stats.kinds());
        return Outcome.ok("L1 holds " + stats.l1Entries() + " entries; L2 " + stats.l2State(), details);
    }
}
