package com.kin.metrics.report;

import com.kin.metrics.source.Answers;
import com.kin.metrics.source.MetricsSource;
import com.kin.metrics.source.SeriesList;
import com.kin.metrics.source.StatQuery;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A source answering from figures a test sets, recording what it was asked. */
final class ScriptedSource implements MetricsSource {

    private record Key(String metric, Map<String, String> dimensions, String stat) {
    }

    final List<StatQuery> asked = new ArrayList<>();
    final List<Instant> askedRange = new ArrayList<>();
    private final Map<String, List<Map<String, String>>> series = new HashMap<>();
    private final Map<Key, Double> figures = new HashMap<>();
    boolean listingComplete = true;
    boolean answersComplete = true;

    @SafeVarargs
    final ScriptedSource series(String metric, Map<String, String>... dimensions) {
        series.computeIfAbsent(metric, m -> new ArrayList<>()).addAll(List.of(dimensions));
        return this;
    }

    ScriptedSource figure(String metric, Map<String, String> dimensions, String stat, double value) {
        figures.put(new Key(metric, Map.copyOf(dimensions), stat), value);
        return this;
    }

    @Override
    public String name() {
        return "scripted";
    }

    @Override
    public SeriesList series(String namespace, String metric, Duration lookback) {
        return new SeriesList(series.getOrDefault(metric, List.of()), listingComplete);
    }

    @Override
    public Answers values(String namespace, List<StatQuery> queries, Instant start, Instant end) {
        asked.addAll(queries);
        askedRange.addAll(List.of(start, end));
        Map<String, Double> values = new HashMap<>();
        for (StatQuery query : queries) {
            Double value = figures.get(new Key(query.metric(), query.dimensions(), query.stat()));
            if (value != null) {
                values.put(query.id(), value);
            }
        }
        return new Answers(values, answersComplete);
    }

    @Override
    public void close() {
    }
}
