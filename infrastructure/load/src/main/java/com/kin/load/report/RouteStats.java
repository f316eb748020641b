package com.kin.load.report;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.Histogram;

/** One route template's results: its latency histogram (microseconds), statuses and x-cache tiers. */
final class RouteStats {

    final Histogram latency = Recorder.histogram();
    private final Map<String, LongAdder> statuses = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> cache = new ConcurrentHashMap<>();
    private final LongAdder errors = new LongAdder();

    void record(Outcome outcome, long micros) {
        latency.recordValue(micros);
        statuses.computeIfAbsent(outcome.statusKey(), key -> new LongAdder()).increment();
        if (outcome.isError()) {
            errors.increment();
        }
        if (outcome.cache() != null) {
            cache.computeIfAbsent(outcome.cache(), key -> new LongAdder()).increment();
        }
    }

    long errors() {
        return errors.sum();
    }

    Map<String, Long> statuses() {
        return sums(statuses);
    }

    long cache(String tier) {
        LongAdder count = cache.get(tier);
        return count == null ? 0 : count.sum();
    }

    static Map<String, Long> sums(Map<String, LongAdder> counters) {
        Map<String, Long> sums = new TreeMap<>();
        counters.forEach((key, count) -> sums.put(key, count.sum()));
        return sums;
    }
}
