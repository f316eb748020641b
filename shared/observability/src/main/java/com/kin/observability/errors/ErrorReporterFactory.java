package com.kin.observability.errors;

import com.kin.observability.FunctionIdentity;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;

/**
 * Chooses the error reporter at start: Sentry when {@code SENTRY_DSN} is set, otherwise none.
 *
 * <p>{@link SentryErrorReporter} is the only class that names Sentry's types and it is reached only through the DSN
 * branch, so with no DSN the JVM never loads a Sentry class: no start-up cost, no background threads.
 */
@Factory
final class ErrorReporterFactory {

    @Singleton
    @Bean(preDestroy = "close")
    ErrorReporter errorReporter(ErrorReportingConfig config, FunctionIdentity function) {
        return create(config, function);
    }

    static ErrorReporter create(ErrorReportingConfig config, FunctionIdentity function) {
        return config.enabledDsn()
                .<ErrorReporter>map(dsn -> SentryErrorReporter.start(dsn, config, function.name()))
                .orElseGet(DisabledErrorReporter::new);
    }
}
