package com.kin.observability;

/**
 * The name this function reports under: the {@code function} metric dimension and the Sentry tag.
 *
 * <p>Resolved by {@link ObservabilityFactory} from {@code AWS_LAMBDA_FUNCTION_NAME}, then {@code POWERTOOLS_SERVICE_NAME},
 * then {@code micronaut.application.name}, so a function run locally still reports under a stable name.
 */
public record FunctionIdentity(String name) {

    /** Reported when nothing names the function (a bare unit test or a developer's main method). */
    public static final String UNNAMED = "local";

    public FunctionIdentity {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("function name must not be blank");
        }
    }
}
