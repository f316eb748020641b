package com.kin.migrate;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.CloudFormationCustomResourceEvent;
import io.micronaut.context.ApplicationContext;
import java.time.Duration;

/**
 * The migrate function: CloudFormation calls it for the {@code Migrations} custom resource on every deploy. Not an API
 * function, so not an API-proxy handler; like those it only hands the event to a bean of its application context.
 */
public class MigrateHandler implements RequestHandler<CloudFormationCustomResourceEvent, Void>, AutoCloseable {

    private final ApplicationContext context;
    private final CustomResourceService service;

    public MigrateHandler() {
        this(ApplicationContext.run());
    }

    public MigrateHandler(ApplicationContext context) {
        this.context = context;
        this.service = context.getBean(CustomResourceService.class);
    }

    @Override
    public Void handleRequest(CloudFormationCustomResourceEvent event, Context lambda) {
        service.handle(event, Duration.ofMillis(lambda.getRemainingTimeInMillis()), lambda.getLogStreamName());
        return null;
    }

    @Override
    public void close() {
        context.close();
    }
}
