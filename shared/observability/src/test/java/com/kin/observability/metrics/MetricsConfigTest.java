package com.kin.observability.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micronaut.context.exceptions.ConfigurationException;
import org.junit.jupiter.api.Test;

class MetricsConfigTest {

    @Test
    void namespace_withSpaces_failsNamingTheVariable() {
        assertThatThrownBy(() -> new MetricsConfig("KIN metrics"))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("POWERTOOLS_METRICS_NAMESPACE");
    }

    @Test
    void namespace_kin_isAccepted() {
        assertThat(new MetricsConfig("KIN").namespace()).isEqualTo("KIN");
    }
}
