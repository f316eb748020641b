package com.kin.metrics.source;

import java.util.Map;

/**
 * The values of answered queries by id (a query without data has none); {@code complete} is false when the source
 * said part of the range is missing (CloudWatch's PartialData or an error status, the local store's dropped minutes).
 */
public record Answers(Map<String, Double> values, boolean complete) {

    public Answers {
        values = Map.copyOf(values);
    }
}
