package com.kin.health;

import io.micronaut.context.ApplicationContext;
import io.micronaut.function.aws.proxy.payload2.APIGatewayV2HTTPEventFunction;

/** The Lambda entry point of the health function; routing lives in {@link HealthController}. */
public class HealthHandler extends APIGatewayV2HTTPEventFunction {

    public HealthHandler() {
        super();
    }

    public HealthHandler(ApplicationContext context) {
        super(context);
    }
}
