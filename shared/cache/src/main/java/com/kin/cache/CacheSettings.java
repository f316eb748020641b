package com.kin.cache;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * The cache's configuration, checked once at start ({@link CacheSettingsReader} names each key and its limits).
 *
 * @param table            the DynamoDB table of L2; {@code null} runs L1 only (see README)
 * @param defaultTtl       {@code CACHE_TTL}: the TTL of kinds the guide gives no figure for
 * @param sessionTtl       {@code SESSION_TTL}: the TTL of the caller's user record
 * @param l1MaxSize        most entries one instance keeps in memory
 * @param l2Timeout        the most a request waits on DynamoDB in one cache read, in total
 * @param stalenessBound   how long after a write returns another instance may still serve what it replaced
 * @param l2RetryInterval  after an L2 failure, how long L2 is bypassed before one request tries it again
 * @param endpoint         a DynamoDB endpoint override (DynamoDB Local); {@code null} on AWS
 * @param region           the AWS region of the table
 */
public record CacheSettings(
        String table,
        Duration defaultTtl,
        Duration sessionTtl,
        int l1MaxSize,
        Duration l2Timeout,
        Duration stalenessBound,
        Duration l2RetryInterval,
        URI endpoint,
        String region) {

    public CacheSettings {
        Objects.requireNonNull(defaultTtl, "defaultTtl");
        Objects.requireNonNull(sessionTtl, "sessionTtl");
        Objects.requireNonNull(l2Timeout, "l2Timeout");
        Objects.requireNonNull(stalenessBound, "stalenessBound");
        Objects.requireNonNull(l2RetryInterval, "l2RetryInterval");
        if (table != null && table.isBlank()) {
            throw new IllegalArgumentException("table must be null (L1 only) or a table name, not blank");
        }
        if (l1MaxSize < 1) {
            throw new IllegalArgumentException("l1MaxSize must be positive");
        }
    }

    /** The guide's defaults with the given table ({@code null}: L1 only) and region, as tests and tools start from. */
    public static CacheSettings defaults(String table, URI endpoint, String region) {
        return new CacheSettings(table, Duration.ofSeconds(300), Duration.ofMinutes(30), 10_000, Duration.ofMillis(50),
                Duration.ofSeconds(1), Duration.ofSeconds(5), endpoint, region);
    }

    public boolean l2Enabled() {
        return table != null;
    }

    public Duration l1Ttl(CacheKind kind) {
        return kind.l1Rule().resolve(defaultTtl, sessionTtl);
    }

    public Duration l2Ttl(CacheKind kind) {
        return kind.l2Rule().resolve(defaultTtl, sessionTtl);
    }

    /** The longest either tier keeps any kind: a tag version must outlive every entry that recorded it. */
    public Duration longestTtl() {
        Duration longest = Duration.ZERO;
        for (CacheKind kind : CacheKind.values()) {
            longest = max(longest, max(l1Ttl(kind), l2Ttl(kind)));
        }
        return longest;
    }

    public CacheSettings withStalenessBound(Duration bound) {
        return new CacheSettings(table, defaultTtl, sessionTtl, l1MaxSize, l2Timeout, bound, l2RetryInterval, endpoint, region);
    }

    public CacheSettings withL2Timeout(Duration timeout) {
        return new CacheSettings(table, defaultTtl, sessionTtl, l1MaxSize, timeout, stalenessBound, l2RetryInterval, endpoint,
                region);
    }

    public CacheSettings withL1MaxSize(int size) {
        return new CacheSettings(table, defaultTtl, sessionTtl, size, l2Timeout, stalenessBound, l2RetryInterval, endpoint,
                region);
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }
}
