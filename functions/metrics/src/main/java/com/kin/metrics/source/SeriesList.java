package com.kin.metrics.source;

import java.util.List;
import java.util.Map;

/** The dimension sets of a metric; {@code complete} is false when the listing stopped at its bound. */
public record SeriesList(List<Map<String, String>> series, boolean complete) {

    public SeriesList {
        series = series.stream().map(Map::copyOf).toList();
    }
}
