package com.kin.twiliomessaging;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.kin.testing.LambdaEvents;
import com.kin.twilio.webhook.SignedEvents;
import com.kin.twilio.webhook.TwilioSignatureVerifier;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The {@code events/twilio-messaging/} samples are exactly what {@link MessagingSamples} generates, and each is signed
 * for the documented local token. {@code -Dkin.events.write=true} writes them again first.
 */
class SampleEventsTest {

    @BeforeAll
    static void writeWhenAsked() {
        if (Boolean.getBoolean("kin.events.write")) {
            MessagingSamples.write();
        }
    }

    @Test
    void everySample_isTheGeneratedText() {
        SignedEvents events = new SignedEvents(SignedEvents.LOCAL_AUTH_TOKEN);
        MessagingSamples.all().forEach((file, delivery) ->
                assertThat(LambdaEvents.json(file)).as(file + " (regenerate with -Dkin.events.write=true)")
                        .isEqualTo(events.json(delivery)));
    }

    @Test
    void everySample_isSignedForTheLocalToken() {
        TwilioSignatureVerifier local = new TwilioSignatureVerifier(SignedEvents.LOCAL_AUTH_TOKEN, null);
        MessagingSamples.all().keySet().forEach(file -> {
            APIGatewayV2HTTPEvent event = LambdaEvents.http(file);
            assertThat(local.verify(event).first("MessageSid")).as(file).isPresent();
        });
    }
}
