package com.kin.observability.metrics;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.exceptions.ConfigurationException;
import io.micronaut.core.bind.annotation.Bindable;
import java.util.regex.Pattern;

/** The CloudWatch namespace every metric goes to: {@code POWERTOOLS_METRICS_NAMESPACE}, {@code KIN} by default. */
@Context
@ConfigurationProperties("powertools.metrics")
public record MetricsConfig(@Bindable(defaultValue = "KIN") String namespace) {

    private static final Pattern NAMESPACE = Pattern.compile("[a-zA-Z0-9._#:/-]{1,255}");

    public MetricsConfig {
        if (namespace == null || !NAMESPACE.matcher(namespace).matches()) {
            throw new ConfigurationException("powertools.metrics.namespace (POWERTOOLS_METRICS_NAMESPACE) must be 1-255 of "
                    + "letters, digits and . _ # : / -, was '" + namespace + "'");
        }
    }
}
