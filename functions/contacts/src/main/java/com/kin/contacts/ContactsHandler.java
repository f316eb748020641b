package com.kin.contacts;

import io.micronaut.context.ApplicationContext;
import io.micronaut.function.aws.proxy.payload2.APIGatewayV2HTTPEventFunction;

/** The Lambda entry point of the contacts function; routing lives in {@link ContactsController}. */
public class ContactsHandler extends APIGatewayV2HTTPEventFunction {

    public ContactsHandler() {
        super();
    }

    public ContactsHandler(ApplicationContext context) {
        super(context);
    }
}
