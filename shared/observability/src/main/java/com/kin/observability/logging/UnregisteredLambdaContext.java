package com.kin.observability.logging;

import com.amazonaws.services.lambda.runtime.Context;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.function.aws.DefaultLambdaContextFactory;
import io.micronaut.function.aws.LambdaContextFactory;
import jakarta.inject.Singleton;

/**
 * Keeps each invocation's Lambda {@link Context} out of the bean context.
 *
 * <p>Micronaut's function handler registers the context (and its logger, client context and identity) as singletons on
 * every invocation. Each registration searches the bean definitions, and the registrations pile up, so a warm
 * instance's cached GET slowed from 1.5 ms to over 3 ms within a minute (docs/PERFORMANCE.md). No KIN bean injects
 * them: Powertools logging gets the context from {@link PowertoolsDiagnosticInfoPopulator}, and request facts come from
 * the API Gateway event. A bean that needs the Lambda context must take it from there, not by injection.
 */
@Singleton
@Replaces(DefaultLambdaContextFactory.class)
public final class UnregisteredLambdaContext implements LambdaContextFactory {

    @Override
    public void registerSingletons(Context lambdaContext) {
        // Deliberately nothing: see the class comment.
    }
}
