package com.kin.bulksms;

import io.micronaut.context.ApplicationContext;
import io.micronaut.function.aws.proxy.payload2.APIGatewayV2HTTPEventFunction;

/** The Lambda entry point of the bulk SMS API; routing lives in {@link BulkSmsController}. */
public class BulkSmsHandler extends APIGatewayV2HTTPEventFunction {

    public BulkSmsHandler() {
        super();
    }

    public BulkSmsHandler(ApplicationContext context) {
        super(context);
    }
}
