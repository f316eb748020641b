package com.kin.calls;

import io.micronaut.context.ApplicationContext;
import io.micronaut.function.aws.proxy.payload2.APIGatewayV2HTTPEventFunction;

/** The Lambda entry point of the calls function; routing lives in {@link CallsController}. */
public class CallsHandler extends APIGatewayV2HTTPEventFunction {

    public CallsHandler() {
        super();
    }

    public CallsHandler(ApplicationContext context) {
        super(context);
    }
}
