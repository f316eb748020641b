package com.kin.cache;

import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/**
 * The cache's counters since the instance started, for the health and metrics endpoints.
 *
 * @param l2Enabled            whether a table is configured
 * @param l2State              {@code closed} (in use), {@code open} (bypassed after a failure), {@code probing}, or
 *                             {@code disabled}
 * @param l1Entries            entries held in memory now (approximate, as Caffeine counts)
 * @param l2Errors             L2 failures counted, at most one per retry interval
 * @param pendingInvalidations tags invalidated here and not yet written to DynamoDB
 * @param kinds                hits and misses per tier and kind
 */
@Serdeable
public record CacheStats(boolean l2Enabled, String l2State, long l1Entries, long l2Errors, int pendingInvalidations,
                         List<KindStats> kinds) {

    /** Counters of one kind: hits and misses per tier, loader runs, corrupt L2 entries dropped, values too large to cache. */
    @Serdeable
    public record KindStats(String kind, long l1Hits, long l1Misses, long l2Hits, long l2Misses, long loads, long corrupt,
                            long oversize) {
    }
}
