package com.kin.load.data;

import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.SplittableRandom;
import java.util.UUID;

/**
 * The random source of one row: a {@link SplittableRandom} seeded from (run seed, table, row index). Every row is a
 * pure function of its index, so a run is reproducible and any row (a contact a message points at, the call a
 * voicemail was left on) can be regenerated without keeping the table in memory.
 */
public final class RowRandom {

    static final long YEAR_SECONDS = Duration.ofDays(365).toSeconds();
    private static final long TABLE_STRIDE = 1L << 40;

    private final SplittableRandom random;

    private RowRandom(SplittableRandom random) {
        this.random = random;
    }

    public static RowRandom of(long seed, int table, long index) {
        return new RowRandom(new SplittableRandom(seed * 0x9E3779B97F4A7C15L + table * TABLE_STRIDE + index));
    }

    /** A version-4 shaped UUID; the first draw of a row, so {@code of(...).uuid()} is that row's id. */
    public UUID uuid() {
        long high = (random.nextLong() & ~0xF000L) | 0x4000L;
        long low = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(high, low);
    }

    public int nextInt(int bound) {
        return random.nextInt(bound);
    }

    public long nextLong(long bound) {
        return random.nextLong(bound);
    }

    public boolean chance(double probability) {
        return random.nextDouble() < probability;
    }

    public double nextDouble() {
        return random.nextDouble();
    }

    public <T> T pick(T[] values) {
        return values[random.nextInt(values.length)];
    }

    /** An index in [0, size) where low indexes are much more likely: u^exponent stretched over the range. */
    public long skewed(long size, double exponent) {
        return Math.min(size - 1, (long) (size * Math.pow(random.nextDouble(), exponent)));
    }

    /** A moment in the year before {@code end}, at least an hour before it (calls end, messages get read, after it). */
    public Instant withinYearBefore(Instant end) {
        return end.minusSeconds(3_600 + random.nextLong(YEAR_SECONDS - 3_600));
    }

    /** A Twilio-style SID: a two-letter prefix and the 32 hex digits of {@code id}. */
    public static String sid(String prefix, UUID id) {
        HexFormat hex = HexFormat.of();
        return prefix + hex.toHexDigits(id.getMostSignificantBits()) + hex.toHexDigits(id.getLeastSignificantBits());
    }
}
