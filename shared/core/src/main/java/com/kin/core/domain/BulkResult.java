package com.kin.core.domain;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The answer to a bulk action: one outcome per requested id, in request order, and how many of each. */
@Serdeable
public record BulkResult(String action, Map<String, Integer> counts, List<Item> results) {

    public static BulkResult of(String action, List<Item> results) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (BulkOutcome outcome : BulkOutcome.values()) {
            counts.put(outcome.wireName(), 0);
        }
        results.forEach(item -> counts.merge(item.status().wireName(), 1, Integer::sum));
        return new BulkResult(action, counts, List.copyOf(results));
    }

    /** One id's outcome; {@code detail} says why when it was not done. */
    @Serdeable
    public record Item(UUID id, BulkOutcome status, @Nullable String detail) {
    }
}
