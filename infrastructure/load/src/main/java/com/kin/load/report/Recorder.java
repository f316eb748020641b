package com.kin.load.report;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.Stream;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.SynchronizedHistogram;

/**
 * Every outcome of one phase of a run, recorded from the HTTP client's threads: per route template, overall, split by
 * cached and uncached responses, and per second of the run (by intended start for latency, by completion for
 * throughput). Latency is from the intended start, so time a request waited to be sent is part of it. Once closed, late
 * outcomes (requests still in flight when the drain ended) are not recorded; they were counted as unfinished.
 */
public final class Recorder {

    /** Microseconds; ten minutes is far beyond any request the gateway lets run (30 s). */
    private static final long HIGHEST_MICROS = TimeUnit.MINUTES.toMicros(10);

    private final long origin;
    private final Map<String, RouteStats> routes = new ConcurrentHashMap<>();
    private final Histogram all = histogram();
    private final Histogram cached = histogram();
    private final Histogram uncached = histogram();
    private final Histogram sendDelay = histogram();
    private final Map<Integer, SecondStats> seconds = new ConcurrentHashMap<>();
    private final Map<Integer, LongAdder> completions = new ConcurrentHashMap<>();
    private final Map<Integer, LongAdder> scheduled = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> errorsByStatus = new ConcurrentHashMap<>();
    private final LongAdder count = new LongAdder();
    private volatile boolean closed;
    private volatile long unfinished;

    /** @param origin the {@link System#nanoTime()} the phase's schedule starts from (second 0 of the timeline) */
    public Recorder(long origin) {
        this.origin = origin;
    }

    static Histogram histogram() {
        return new SynchronizedHistogram(HIGHEST_MICROS, 3);
    }

    public void record(Outcome outcome) {
        if (closed) {
            return;
        }
        long micros = Math.max(0, Math.min(HIGHEST_MICROS, TimeUnit.NANOSECONDS.toMicros(outcome.latencyNanos())));
        routes.computeIfAbsent(outcome.route(), route -> new RouteStats()).record(outcome, micros);
        all.recordValue(micros);
        boolean hit = "l1".equals(outcome.cache()) || "l2".equals(outcome.cache());
        (hit ? cached : uncached).recordValue(micros);
        sendDelay.recordValue(Math.max(0, Math.min(HIGHEST_MICROS, TimeUnit.NANOSECONDS.toMicros(outcome.sent() - outcome.intended()))));
        seconds.computeIfAbsent(second(outcome.intended()), s -> new SecondStats()).record(outcome, micros);
        completions.computeIfAbsent(second(outcome.end()), s -> new LongAdder()).increment();
        if (outcome.isError()) {
            errorsByStatus.computeIfAbsent(outcome.statusKey(), key -> new LongAdder()).increment();
        }
        count.increment();
    }

    /** A request the schedule sends now, meant to start at {@code intended}: counted whether or not it is answered. */
    public void scheduled(long intended) {
        if (!closed) {
            scheduled.computeIfAbsent(second(intended), s -> new LongAdder()).increment();
        }
    }

    /** Stops recording; {@code stillOpen} requests were sent or queued but had no outcome by then. */
    public void close(long stillOpen) {
        closed = true;
        unfinished = stillOpen;
    }

    private int second(long nanos) {
        return (int) Math.max(0, TimeUnit.NANOSECONDS.toSeconds(nanos - origin));
    }

    public long origin() {
        return origin;
    }

    public long count() {
        return count.sum();
    }

    public long unfinished() {
        return unfinished;
    }

    Map<String, RouteStats> routes() {
        return new TreeMap<>(routes);
    }

    Histogram all() {
        return all;
    }

    Histogram cached() {
        return cached;
    }

    Histogram uncached() {
        return uncached;
    }

    Histogram sendDelay() {
        return sendDelay;
    }

    Map<Integer, SecondStats> seconds() {
        return new TreeMap<>(seconds);
    }

    long completionsIn(int second) {
        LongAdder completed = completions.get(second);
        return completed == null ? 0 : completed.sum();
    }

    long scheduledIn(int second) {
        LongAdder count = scheduled.get(second);
        return count == null ? 0 : count.sum();
    }

    /** The last second anything was scheduled or answered in: the timeline's end. */
    int lastSecond() {
        return Stream.of(completions.keySet(), scheduled.keySet(), seconds.keySet())
                .flatMap(Set::stream).mapToInt(Integer::intValue).max().orElse(-1);
    }

    Map<String, Long> errorsByStatus() {
        return RouteStats.sums(errorsByStatus);
    }

    /** One second of the timeline: latency of the requests meant to start in it, and how many failed. */
    static final class SecondStats {
        final Histogram latency = new SynchronizedHistogram(HIGHEST_MICROS, 2);
        final LongAdder errors = new LongAdder();

        void record(Outcome outcome, long micros) {
            latency.recordValue(micros);
            if (outcome.isError()) {
                errors.increment();
            }
        }
    }
}
