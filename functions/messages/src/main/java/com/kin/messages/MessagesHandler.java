package com.kin.messages;

import io.micronaut.context.ApplicationContext;
import io.micronaut.function.aws.proxy.payload2.APIGatewayV2HTTPEventFunction;

/** The Lambda entry point of the messages function; routing lives in {@link MessagesController}. */
public class MessagesHandler extends APIGatewayV2HTTPEventFunction {

    public MessagesHandler() {
        super();
    }

    public MessagesHandler(ApplicationContext context) {
        super(context);
    }
}
