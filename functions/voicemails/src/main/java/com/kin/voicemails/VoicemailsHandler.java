package com.kin.voicemails;

import io.micronaut.context.ApplicationContext;
import io.micronaut.function.aws.proxy.payload2.APIGatewayV2HTTPEventFunction;

/** The Lambda entry point of the voicemails function; routing lives in {@link VoicemailsController}. */
public class VoicemailsHandler extends APIGatewayV2HTTPEventFunction {

    public VoicemailsHandler() {
        super();
    }

    public VoicemailsHandler(ApplicationContext context) {
        super(context);
    }
}
