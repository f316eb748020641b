package com.kin.observability;

import io.micronaut.context.annotation.Factory;
import io.micronaut.context.env.Environment;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Optional;
import software.amazon.lambda.powertools.metrics.provider.EmfMetricsProvider;
import software.amazon.lambda.powertools.metrics.provider.MetricsProvider;

/** Beans the observability classes share: who we are and where EMF documents go (the Clock comes from kin-core). */
@Factory
final class ObservabilityFactory {

    /** Property names of AWS_LAMBDA_FUNCTION_NAME, POWERTOOLS_SERVICE_NAME and the application name, in that order. */
    private static final List<String> NAME_SOURCES =
            List.of("aws.lambda.function.name", "powertools.service.name", "micronaut.application.name");

    @Singleton
    FunctionIdentity functionIdentity(Environment environment) {
        return NAME_SOURCES.stream()
                .map(key -> environment.getProperty(key, String.class))
                .flatMap(Optional::stream)
                .filter(name -> !name.isBlank())
                .findFirst()
                .map(FunctionIdentity::new)
                .orElseGet(() -> new FunctionIdentity(FunctionIdentity.UNNAMED));
    }

    /**
     * Powertools' EMF provider: each instance it hands out is a fresh, unshared logger, which is what lets
     * {@link com.kin.observability.metrics.PowertoolsMetricsRecorder} write one document per dimension set without
     * touching Powertools' process-wide singleton.
     */
    @Singleton
    MetricsProvider metricsProvider() {
        return new EmfMetricsProvider();
    }
}
