package com.kin.migrate;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.CloudFormationCustomResourceEvent;
import com.kin.observability.invocation.InvocationObservability;
import io.micronaut.context.ApplicationContext;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The migrate function: CloudFormation calls it for the {@code Migrations} custom resource on every deploy. Not an API
 * function, so not an API-proxy handler; like those it only hands the event to a bean of its application context.
 *
 * <p>No Micronaut function handler wraps a plain {@code RequestHandler}, so this one starts and ends each invocation's
 * observability itself ({@link InvocationObservability}): Powertools' Lambda fields, {@code cold_start}, the
 * CloudFormation request id as {@code correlation_id}, the {@code ColdStart} metric, Sentry for what fails.
 */
public class MigrateHandler implements RequestHandler<CloudFormationCustomResourceEvent, Void>, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(MigrateHandler.class);

    private final ApplicationContext context;
    private final CustomResourceService service;
    private final InvocationObservability observability;

    public MigrateHandler() {
        this(ApplicationContext.run());
    }

    public MigrateHandler(ApplicationContext context) {
        this.context = context;
        this.service = context.getBean(CustomResourceService.class);
        this.observability = context.getBean(InvocationObservability.class);
    }

    @Override
    public Void handleRequest(CloudFormationCustomResourceEvent event, Context lambda) {
        observability.begin(lambda);
        try {
            if (event != null && event.getRequestId() != null) {
                observability.correlate(event.getRequestId());
            }
            service.handle(event, Duration.ofMillis(lambda.getRemainingTimeInMillis()), lambda.getLogStreamName());
            return null;
        } catch (RuntimeException e) {
            // CloudFormation got no answer: it waits for the resource's timeout, so this line is what explains the wait.
            LOG.error("migrate - the custom resource request failed before CloudFormation was answered", e);
            observability.report(e);
            throw e;
        } finally {
            observability.end();
        }
    }

    @Override
    public void close() {
        context.close();
    }
}
