package com.kin.cache;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import java.time.Clock;
import java.util.concurrent.TimeUnit;

/** The per-instance tier: a size-bounded Caffeine cache whose entries expire at their own time, on the injected clock. */
final class L1Tier {

    private final Cache<String, L1Entry> entries;

    L1Tier(Clock clock, int maxSize) {
        this.entries = Caffeine.newBuilder()
                .maximumSize(maxSize)
                .ticker(() -> TimeUnit.MILLISECONDS.toNanos(clock.millis()))
                .expireAfter(new EntryExpiry())
                .build();
    }

    L1Entry get(String key) {
        return entries.getIfPresent(key);
    }

    void put(String key, L1Entry entry) {
        entries.put(key, entry);
    }

    void remove(String key) {
        entries.invalidate(key);
    }

    void clear() {
        entries.invalidateAll();
    }

    long size() {
        return entries.estimatedSize();
    }

    private static final class EntryExpiry implements Expiry<String, L1Entry> {

        @Override
        public long expireAfterCreate(String key, L1Entry entry, long currentTime) {
            return Math.max(0, TimeUnit.MILLISECONDS.toNanos(entry.expiresAt()) - currentTime);
        }

        @Override
        public long expireAfterUpdate(String key, L1Entry entry, long currentTime, long currentDuration) {
            return expireAfterCreate(key, entry, currentTime);
        }

        @Override
        public long expireAfterRead(String key, L1Entry entry, long currentTime, long currentDuration) {
            return currentDuration;
        }
    }
}
