package com.kin.cache.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.kin.cache.CacheKey;
import com.kin.cache.CacheKind;
import com.kin.cache.CacheSource;
import com.kin.cache.Cached;
import com.kin.cache.TwoTierCache;
import java.util.Collection;

/**
 * Entries in the shared cache table standing for an API function's (the key's kind and tags as that function derives
 * them): loaded before a webhook's write, then read again, here and on another instance, to show what the write made
 * stale for every reader. Shared with the webhook and worker modules through kin-cache's test jar.
 */
public final class CacheProbe {

    public static final String BEFORE = "loaded before the write";
    public static final String AFTER = "loaded after the write";

    private CacheProbe() {
    }

    /** A key of {@code kind} with exactly {@code tags}, shared by every caller (as a record's detail is). */
    public static CacheKey key(CacheKind kind, String name, Collection<String> tags) {
        CacheKey.Builder key = CacheKey.builder(kind).shared().param("probe", name);
        tags.forEach(key::tag);
        return key.build();
    }

    /** Loads each key (a miss) and reads it again from L1, as a reader that cached it before the write. */
    public static void load(TwoTierCache cache, CacheKey... keys) {
        for (CacheKey key : keys) {
            assertThat(read(cache, key, BEFORE).source()).as("first read of %s", key).isEqualTo(CacheSource.MISS);
            assertThat(read(cache, key, BEFORE).source()).as("second read of %s", key).isEqualTo(CacheSource.L1);
        }
    }

    /**
     * After the write: on {@code other}, an instance that never read the keys, the stale key is loaded again (its L2
     * entry's tag versions are outdated) while the unrelated one is an L2 hit; on {@code writer}, whose L1 holds both,
     * the stale key is never served from L1 and the unrelated one still is.
     */
    public static void assertStaleEverywhere(TwoTierCache writer, TwoTierCache other, CacheKey stale, CacheKey unrelated) {
        assertReloaded(other, stale, CacheSource.MISS);
        assertServed(other, unrelated, CacheSource.L2);
        // The other instance wrote the reloaded value to L2: the writer may take it from there, never from its L1.
        assertReloaded(writer, stale, CacheSource.MISS, CacheSource.L2);
        assertServed(writer, unrelated, CacheSource.L1);
    }

    private static void assertReloaded(TwoTierCache cache, CacheKey key, CacheSource... sources) {
        Cached<String> cached = read(cache, key, AFTER);
        assertThat(cached.value()).as("%s after the write", key).isEqualTo(AFTER);
        assertThat(cached.source()).as("%s after the write", key).isIn((Object[]) sources);
    }

    private static void assertServed(TwoTierCache cache, CacheKey key, CacheSource source) {
        Cached<String> cached = read(cache, key, AFTER);
        assertThat(cached.value()).as("%s, which the write did not touch", key).isEqualTo(BEFORE);
        assertThat(cached.source()).as("%s, which the write did not touch", key).isEqualTo(source);
    }

    private static Cached<String> read(TwoTierCache cache, CacheKey key, String loaded) {
        return cache.get(key, String.class, () -> loaded);
    }
}
