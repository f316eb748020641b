package com.kin.local.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.kin.local.template.FunctionSpec;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MetricsRetentionTest {

    @Test
    void longestRetentionOfTheTemplate_isKept() {
        assertThat(MetricsRetention.of(List.of(function(Map.of("METRICS_RETENTION_TIME", "900000")),
                function(Map.of("METRICS_RETENTION_TIME", "7200000")), function(Map.of()))))
                .isEqualTo(Duration.ofHours(2));
    }

    @Test
    void withoutTheVariable_oneHour() {
        assertThat(MetricsRetention.of(List.of(function(Map.of())))).isEqualTo(Duration.ofHours(1));
    }

    @Test
    void nonNumber_failsNamingTheVariableAndFunction() {
        assertThatThrownBy(() -> MetricsRetention.of(List.of(function(Map.of("METRICS_RETENTION_TIME", "1h")))))
                .hasMessageStartingWith("METRICS_RETENTION_TIME - Fn sets '1h'");
    }

    private static FunctionSpec function(Map<String, Object> environment) {
        return new FunctionSpec("Fn", "kin-local-Fn", "com.kin.Handler", Path.of("fn.jar"), "java21", 512, 10, environment,
                List.of(), List.of(), null, 0, null, List.of());
    }
}
