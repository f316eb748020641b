package com.kin.observability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micronaut.context.ApplicationContext;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ObservabilityConfigTest {

    @Test
    void defaults_areOneSecondForRequestsAndTwoHundredMillisForQueries() {
        try (ApplicationContext context = ApplicationContext.run()) {
            ObservabilityConfig config = context.getBean(ObservabilityConfig.class);

            assertThat(config.slowRequestMs()).isEqualTo(1000);
            assertThat(config.slowQueryMs()).isEqualTo(200);
        }
    }

    @Test
    void slowRequestMs_isBoundFromItsProperty() {
        try (ApplicationContext context = ApplicationContext.run(Map.of("observability.slow-request-ms", "250"))) {
            assertThat(context.getBean(ObservabilityConfig.class).slowRequestMs()).isEqualTo(250);
        }
    }

    @Test
    void negativeThreshold_stopsTheContextAtStartNamingTheVariable() {
        assertThatThrownBy(() -> ApplicationContext.run(Map.of("observability.slow-query-ms", "-5")).close())
                .hasStackTraceContaining("OBSERVABILITY_SLOW_QUERY_MS")
                .hasStackTraceContaining("was -5");
    }

    @Test
    void functionName_comesFromTheLambdaVariableFirst() {
        Map<String, Object> properties = Map.of(
                "aws.lambda.function.name", "kin-dev-contacts",
                "powertools.service.name", "contacts");
        try (ApplicationContext context = ApplicationContext.run(properties)) {
            assertThat(context.getBean(FunctionIdentity.class).name()).isEqualTo("kin-dev-contacts");
        }
    }

    @Test
    void functionName_withNothingSet_isLocal() {
        try (ApplicationContext context = ApplicationContext.run()) {
            assertThat(context.getBean(FunctionIdentity.class).name()).isEqualTo(FunctionIdentity.UNNAMED);
        }
    }
}
