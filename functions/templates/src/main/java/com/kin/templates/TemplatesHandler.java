package com.kin.templates;

import io.micronaut.context.ApplicationContext;
import io.micronaut.function.aws.proxy.payload2.APIGatewayV2HTTPEventFunction;

/** The Lambda entry point of the templates function; routing lives in {@link TemplatesController}. */
public class TemplatesHandler extends APIGatewayV2HTTPEventFunction {

    public TemplatesHandler() {
        super();
    }

    public TemplatesHandler(ApplicationContext context) {
        super(context);
    }
}
