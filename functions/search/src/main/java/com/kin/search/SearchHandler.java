package com.kin.search;

import io.micronaut.context.ApplicationContext;
import io.micronaut.function.aws.proxy.payload2.APIGatewayV2HTTPEventFunction;

/** The Lambda entry point of the search function; routing lives in {@link SearchController}. */
public class SearchHandler extends APIGatewayV2HTTPEventFunction {

    public SearchHandler() {
        super();
    }

    public SearchHandler(ApplicationContext context) {
        super(context);
    }
}
