package com.kin.twiliovoice;

import io.micronaut.context.ApplicationContext;
import io.micronaut.function.aws.proxy.payload2.APIGatewayV2HTTPEventFunction;

/** The Lambda entry point of the Twilio voice webhooks (a function URL); routing lives in {@link VoiceController}. */
public class TwilioVoiceHandler extends APIGatewayV2HTTPEventFunction {

    public TwilioVoiceHandler() {
        super();
    }

    public TwilioVoiceHandler(ApplicationContext context) {
        super(context);
    }
}
