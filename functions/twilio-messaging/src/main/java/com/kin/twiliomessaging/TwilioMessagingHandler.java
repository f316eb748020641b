package com.kin.twiliomessaging;

import io.micronaut.context.ApplicationContext;
import io.micronaut.function.aws.proxy.payload2.APIGatewayV2HTTPEventFunction;

/** The Lambda entry point of the Twilio messaging webhooks (a function URL); routing lives in {@link MessagingController}. */
public class TwilioMessagingHandler extends APIGatewayV2HTTPEventFunction {

    public TwilioMessagingHandler() {
        super();
    }

    public TwilioMessagingHandler(ApplicationContext context) {
        super(context);
    }
}
