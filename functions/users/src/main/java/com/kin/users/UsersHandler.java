package com.kin.users;

import io.micronaut.context.ApplicationContext;
import io.micronaut.function.aws.proxy.payload2.APIGatewayV2HTTPEventFunction;

/**
 * The Lambda entry point of the users function; routing lives in {@link CurrentUserController} (the caller's own record
 * and preferences) and {@link UsersController} (user administration).
 */
public class UsersHandler extends APIGatewayV2HTTPEventFunction {

    public UsersHandler() {
        super();
    }

    public UsersHandler(ApplicationContext context) {
        super(context);
    }
}
