package com.kin.metrics.source;

import io.micronaut.serde.annotation.Serdeable;
import java.util.Map;

/**
 * One statistic of one series: {@code stat} is a CloudWatch statistic ({@code Sum}, {@code SampleCount},
 * {@code Average}, {@code Maximum}, {@code p95}, ...); {@code id} names the answer (CloudWatch's rule: a lower-case
 * letter, then letters, digits and underscores).
 */
@Serdeable
public record StatQuery(String id, String metric, Map<String, String> dimensions, String stat) {

    public StatQuery {
        dimensions = Map.copyOf(dimensions);
    }
}
