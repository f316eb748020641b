package com.kin.metrics;

import io.micronaut.context.ApplicationContext;
import io.micronaut.function.aws.proxy.payload2.APIGatewayV2HTTPEventFunction;

/** The Lambda entry point of the metrics function; routing lives in {@link MetricsController}. */
public class MetricsHandler extends APIGatewayV2HTTPEventFunction {

    public MetricsHandler() {
        super();
    }

    public MetricsHandler(ApplicationContext context) {
        super(context);
    }
}
