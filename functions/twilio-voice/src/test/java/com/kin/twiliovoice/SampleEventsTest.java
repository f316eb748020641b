package com.kin.twiliovoice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.kin.core.error.ForbiddenError;
import com.kin.testing.LambdaEvents;
import com.kin.twilio.webhook.SignedEvents;
import com.kin.twilio.webhook.TwilioSignatureVerifier;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The {@code events/twilio-voice/} samples are exactly what {@link VoiceSamples} generates, and each is signed for the
 * documented local token. {@code -Dkin.events.write=true} writes them again first.
 */
class SampleEventsTest {

    private static final TwilioSignatureVerifier LOCAL = new TwilioSignatureVerifier(SignedEvents.LOCAL_AUTH_TOKEN, null);

    @BeforeAll
    static void writeWhenAsked() {
        if (Boolean.getBoolean("kin.events.write")) {
            VoiceSamples.write();
        }
    }

    @Test
    void everySample_isTheGeneratedText() {
        SignedEvents events = new SignedEvents(SignedEvents.LOCAL_AUTH_TOKEN);
        VoiceSamples.all().forEach((file, delivery) ->
                assertThat(LambdaEvents.json(file)).as(file + " (regenerate with -Dkin.events.write=true)")
                        .isEqualTo(events.json(delivery)));
    }

    @Test
    void everySample_isSignedForTheLocalToken() {
        VoiceSamples.all().keySet().forEach(file -> {
            APIGatewayV2HTTPEvent event = LambdaEvents.http(file);
            assertThat(LOCAL.verify(event).first("CallSid")).as(file).contains(VoiceSamples.CALL_SID);
            assertThat(event.getIsBase64Encoded()).as(file).isTrue();
        });
    }

    @Test
    void aSampleUnderAnotherToken_failsTheCheck() {
        APIGatewayV2HTTPEvent event = LambdaEvents.http(VoiceSamples.INBOUND_CALL);

        assertThatThrownBy(() -> new TwilioSignatureVerifier("another-token", null).verify(event))
                .isInstanceOf(ForbiddenError.class);
    }

    @Test
    void resigned_verifiesWithItsChanges() {
        APIGatewayV2HTTPEvent event = LambdaEvents.http(VoiceSamples.STATUS);
        Map<String, String> changes = new HashMap<>();
        changes.put("CallStatus", "busy");
        changes.put("CallDuration", null);

        new SignedEvents(SignedEvents.LOCAL_AUTH_TOKEN).resigned(event, changes, null);

        assertThat(LOCAL.verify(event).asMap()).containsEntry("CallStatus", "busy").doesNotContainKey("CallDuration");
    }
}
