package com.kin.local.metrics;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The EMF datapoints the functions printed, kept in memory for the retention window so that the local metrics endpoint
 * can answer what CloudWatch would: the series of a metric, and statistics over a time range.
 *
 * <p>Values are kept raw, in one bucket per minute (CloudWatch's standard resolution), so percentiles are exact. Memory
 * is bounded twice: buckets older than the retention window are dropped, and past {@code maxValues} the oldest minute
 * goes first; a query reaching into a minute dropped that way is answered as incomplete.
 */
public final class LocalMetricStore {

    /** About 32 MB of doubles: some 100,000 requests of every function at the platform's ~30 values per request. */
    public static final int DEFAULT_MAX_VALUES = 4_000_000;
    private static final long MINUTE = 60_000;

    /** One answered query: the statistic's value (null without data) and how many values it was computed from. */
    public record Answer(String id, Double value, long sampleCount) {
    }

    /** A query: the statistic {@code stat} of one series. */
    public record Query(String id, String metric, Map<String, String> dimensions, String stat) {
    }

    private final Duration retention;
    private final Clock clock;
    private final int maxValues;
    private final NavigableMap<Long, Map<SeriesKey, Values>> minutes = new TreeMap<>();
    private final AtomicLong refusedLines = new AtomicLong();
    private long valueCount;
    /** Data before this instant was dropped for room, not for age. */
    private long droppedForRoomBefore = Long.MIN_VALUE;

    public LocalMetricStore(Duration retention, Clock clock, int maxValues) {
        if (retention.isNegative() || retention.isZero() || maxValues < 1) {
            throw new IllegalArgumentException("local metrics - retention and capacity must be positive");
        }
        this.retention = retention;
        this.clock = clock;
        this.maxValues = maxValues;
    }

    /** Takes one line of a function's output; anything but an EMF document is ignored. Never throws. */
    public void accept(String line) {
        if (!EmfDocuments.looksLikeEmf(line)) {
            return;
        }
        try {
            EmfDocuments.parse(line).forEach(this::add);
        } catch (RuntimeException e) {
            // A broken document must not stop the log pump; the count is in the endpoint's answers.
            refusedLines.incrementAndGet();
        }
    }

    public long refusedLines() {
        return refusedLines.get();
    }

    synchronized void add(Datapoint datapoint) {
        long minute = Math.floorDiv(datapoint.timestampMillis(), MINUTE);
        minutes.computeIfAbsent(minute, m -> new HashMap<>())
                .computeIfAbsent(datapoint.series(), s -> new Values()).add(datapoint.values());
        valueCount += datapoint.values().length;
        dropExpired();
        while (valueCount > maxValues && minutes.size() > 1) {
            Map.Entry<Long, Map<SeriesKey, Values>> oldest = minutes.pollFirstEntry();
            valueCount -= count(oldest.getValue());
            droppedForRoomBefore = Math.max(droppedForRoomBefore, (oldest.getKey() + 1) * MINUTE);
        }
    }

    /** The dimension sets {@code metric} was recorded under within the retention window, in first-seen order. */
    public synchronized List<Map<String, String>> series(String namespace, String metric) {
        dropExpired();
        Set<Map<String, String>> found = new LinkedHashSet<>();
        minutes.values().forEach(bucket -> bucket.keySet().stream()
                .filter(key -> key.namespace().equals(namespace) && key.metric().equals(metric))
                .forEach(key -> found.add(key.dimensions())));
        return List.copyOf(found);
    }

    /** Each query's statistic over the minutes that begin in [start, end). */
    public synchronized List<Answer> query(String namespace, List<Query> queries, Instant start, Instant end) {
        dropExpired();
        NavigableMap<Long, Map<SeriesKey, Values>> range = minutes.subMap(
                Math.floorDiv(start.toEpochMilli() + MINUTE - 1, MINUTE), true,
                Math.floorDiv(end.toEpochMilli() + MINUTE - 1, MINUTE), false);
        List<Answer> answers = new ArrayList<>(queries.size());
        for (Query query : queries) {
            Statistic statistic = Statistic.parse(query.stat());
            SeriesKey key = new SeriesKey(namespace, query.metric(), query.dimensions());
            Values all = new Values();
            range.values().forEach(bucket -> {
                Values values = bucket.get(key);
                if (values != null) {
                    all.add(values.array());
                }
            });
            answers.add(new Answer(query.id(), statistic.of(all.values, all.count), all.count));
        }
        return answers;
    }

    /** False when values inside [start, ...) were dropped to keep memory bounded. */
    public synchronized boolean complete(Instant start) {
        return start.toEpochMilli() >= droppedForRoomBefore;
    }

    public Duration retention() {
        return retention;
    }

    /** Keeps one minute more than the window, so a window ending at the next whole minute still finds its start. */
    private void dropExpired() {
        long oldestKept = Math.floorDiv(clock.millis() - retention.toMillis(), MINUTE) - 1;
        while (!minutes.isEmpty() && minutes.firstKey() < oldestKept) {
            valueCount -= count(minutes.pollFirstEntry().getValue());
        }
    }

    private static long count(Map<SeriesKey, Values> bucket) {
        return bucket.values().stream().mapToLong(values -> values.count).sum();
    }

    /** A growable array of doubles: a minute of one series. */
    private static final class Values {
        private double[] values = new double[4];
        private int count;

        void add(double[] more) {
            if (count + more.length > values.length) {
                values = Arrays.copyOf(values, Math.max(values.length * 2, count + more.length));
            }
            System.arraycopy(more, 0, values, count, more.length);
            count += more.length;
        }

        double[] array() {
            return Arrays.copyOf(values, count);
        }
    }
}
