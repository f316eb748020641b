package com.kin.metrics.report;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/**
 * The answer of {@code GET /api/metrics}, the same from CloudWatch and from the local runtime. Counts are sums over
 * the window, rates are per second averaged over it, ratios are 0..1; a figure without data is left out.
 *
 * @param source where the figures come from: {@code cloudwatch} or {@code local}
 * @param complete false when the source reported part of the window missing or a listing hit its bound
 * @param routes one entry per function and route template with requests in the window, busiest first
 * @param cache one entry per cache kind, over every function and both tiers, most lookups first
 * @param functions per function: requests and latency of all its routes, cold starts, database time, pool usage
 */
@Serdeable
public record MetricsReport(String source, Window window, boolean complete, Totals totals, List<Route> routes,
                            List<CacheKind> cache, List<Function> functions) {

    /** The range covered: {@code duration} (ISO-8601) back from {@code end}, both whole minutes. */
    @Serdeable
    public record Window(String start, String end, String duration) {
    }

    /** Every route together; cold starts of every function. */
    @Serdeable
    public record Totals(long requests, double requestsPerSecond, long clientErrors, long serverErrors,
                         @Nullable Double clientErrorRate, @Nullable Double serverErrorRate, long coldStarts) {
    }

    /** Request latency percentiles in milliseconds, as the request filter measures them. */
    @Serdeable
    public record Latency(@Nullable Double p50, @Nullable Double p95, @Nullable Double p99) {
    }

    /** One route ({@code GET:/api/contacts/{id}}) of one function. */
    @Serdeable
    public record Route(String function, String route, long requests, double requestsPerSecond, Latency latencyMs,
                        long clientErrors, long serverErrors, @Nullable Double clientErrorRate,
                        @Nullable Double serverErrorRate) {
    }

    /**
     * One cache kind. Every lookup asks L1 first ({@code lookups = l1Hits + l1Misses}); an L1 miss asks L2 unless it
     * joined a load already under way for the same key. {@code hitRatio} is the share of lookups a tier answered,
     * {@code (l1Hits + l2Hits) / lookups}; {@code l2HitRatio} the share of L2 reads that found a value.
     */
    @Serdeable
    public record CacheKind(String kind, long lookups, long l1Hits, long l1Misses, long l2Hits, long l2Misses,
                            @Nullable Double hitRatio, @Nullable Double l1HitRatio, @Nullable Double l2HitRatio) {
    }

    /** One function: all its routes, its cold starts, its statements and its connection pool. */
    @Serdeable
    public record Function(String function, long requests, Latency latencyMs, long coldStarts, Database database,
                           Pool pool) {
    }

    /** Statement time ({@code DbQueryTime}) and time spent waiting for a pooled connection. */
    @Serdeable
    public record Database(long queries, @Nullable Double totalMs, @Nullable Double p95Ms, @Nullable Double p99Ms,
                           @Nullable Double connectionWaitMaxMs, @Nullable Double connectionWaitP99Ms) {
    }

    /** The connection pool as sampled at each checkout (Hikari's active, idle and waiting counts). */
    @Serdeable
    public record Pool(@Nullable Double activeMax, @Nullable Double activeAverage, @Nullable Double idleMax,
                       @Nullable Double pendingMax) {
    }
}
