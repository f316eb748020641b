package com.kin.metrics.report;

import com.kin.metrics.source.Answers;
import com.kin.metrics.source.StatQuery;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The statistics a report needs, each asked once under a generated id, and their answers read back by what they are. */
final class QueryPlan {

    private record Key(String metric, Map<String, String> dimensions, String stat) {
    }

    private final Map<Key, String> ids = new LinkedHashMap<>();

    void add(String metric, Map<String, String> dimensions, String... stats) {
        for (String stat : stats) {
            // CloudWatch ids: a lower-case letter, then letters, digits and underscores.
            ids.putIfAbsent(new Key(metric, Map.copyOf(dimensions), stat), "q" + ids.size());
        }
    }

    List<StatQuery> queries() {
        List<StatQuery> queries = new ArrayList<>(ids.size());
        ids.forEach((key, id) -> queries.add(new StatQuery(id, key.metric(), key.dimensions(), key.stat())));
        return queries;
    }

    boolean isEmpty() {
        return ids.isEmpty();
    }

    Figures figures(Answers answers) {
        return (metric, dimensions, stat) -> {
            String id = ids.get(new Key(metric, Map.copyOf(dimensions), stat));
            return id == null ? null : answers.values().get(id);
        };
    }

    /** An answered statistic, or null when the series had no data in the window (or was not asked). */
    interface Figures {
        Double value(String metric, Map<String, String> dimensions, String stat);

        /** A Sum or SampleCount as a whole number; 0 without data. */
        default long count(String metric, Map<String, String> dimensions, String stat) {
            Double value = value(metric, dimensions, stat);
            return value == null ? 0 : Math.round(value);
        }
    }
}
