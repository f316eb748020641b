package com.kin.twiliovoice;

import static com.kin.twiliovoice.VoiceData.sample;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.kin.testing.TestDatabase;
import com.kin.twilio.webhook.FormBody;
import com.kin.twilio.webhook.SignedEvents;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Only Twilio gets in: every route checks X-Twilio-Signature against the URL Twilio called before anything else runs,
 * and the function refuses to start with bad configuration.
 */
class WebhookSecurityIT {

    static final List<String> SAMPLES = List.of(VoiceSamples.INBOUND_CALL, VoiceSamples.DIAL_COMPLETE,
            VoiceSamples.STATUS, VoiceSamples.RECORDING, VoiceSamples.TRANSCRIPTION);
    static final String CUSTOM_DOMAIN = "https://hooks.kin.example/twilio";
    static TestDatabase database;
    /** A fresh instance per test, over a fresh cache table. */
    static VoiceFunction function;
    VoiceData data;

    @BeforeAll
    static void start() {
        database = TestDatabase.get();
    }

    @AfterEach
    void stop() {
        function.close();
    }

    @BeforeEach
    void reset() {
        function = new VoiceFunction(database, Map.of());
        data = VoiceData.reset(database);
    }

    @Test
    void forgedParameters_return403_readAndWriteNothing_onEveryRoute() {
        for (String file : SAMPLES) {
            APIGatewayV2HTTPEvent forged = sample(file);
            Map<String, String> params = new HashMap<>(FormBody.parse(forged.getBody(), true).asMap());
            params.put("CallSid", "CA0000000000000000000000000000f000");
            forged.setBody(SignedEvents.formEncode(params));
            forged.setIsBase64Encoded(false);

            assertRejectedUntouched(file, forged);
        }
    }

    @Test
    void missingSignature_returns403_onEveryRoute() {
        for (String file : SAMPLES) {
            APIGatewayV2HTTPEvent unsigned = sample(file);
            Map<String, String> headers = new HashMap<>(unsigned.getHeaders());
            headers.remove("x-twilio-signature");
            unsigned.setHeaders(headers);

            assertRejectedUntouched(file, unsigned);
        }
    }

    @Test
    void signatureReplayedToAnotherRoute_returns403() {
        APIGatewayV2HTTPEvent replayed = sample(VoiceSamples.STATUS);
        replayed.setRawPath("/voice/recording");
        replayed.getRequestContext().getHttp().setPath("/voice/recording");

        assertRejectedUntouched("status sent to /voice/recording", replayed);
    }

    @Test
    void signatureReplayedWithAnotherQuery_returns403() {
        APIGatewayV2HTTPEvent replayed = sample(VoiceSamples.DIAL_COMPLETE);
        replayed.setRawQueryString("stage=department");
        replayed.setQueryStringParameters(Map.of("stage", "department"));

        assertRejectedUntouched("dial-complete with another stage", replayed);
    }

    @Test
    void signatureReplayedToAnotherHost_returns403() {
        APIGatewayV2HTTPEvent replayed = sample(VoiceSamples.INBOUND_CALL);
        Map<String, String> headers = new HashMap<>(replayed.getHeaders());
        headers.put("host", "attacker.example");
        replayed.setHeaders(headers);

        assertRejectedUntouched("inbound call to another host", replayed);
    }

    @Test
    void plainTextBody_isVerifiedAndAccepted_likeABase64One() {
        APIGatewayV2HTTPEvent plain = sample(VoiceSamples.INBOUND_CALL);
        plain.setBody(new String(Base64.getDecoder().decode(plain.getBody()), StandardCharsets.UTF_8));
        plain.setIsBase64Encoded(false);

        assertThat(function.invoke(plain).getStatusCode()).isEqualTo(200);
    }

    @Test
    void customDomain_acceptsThePublicUrl_andNamesItInCallbacks() {
        try (VoiceFunction behindDomain = new VoiceFunction(database, Map.of("TWILIO_WEBHOOK_BASE_URL", CUSTOM_DOMAIN))) {
            APIGatewayV2HTTPResponse domainSigned = behindDomain.invoke(
                    VoiceData.signedFor(CUSTOM_DOMAIN, VoiceSamples.INBOUND_CALL));

            assertThat(domainSigned.getStatusCode()).isEqualTo(200);
            assertThat(domainSigned.getBody()).contains("action=\"" + CUSTOM_DOMAIN + "/voice/dial-complete?stage=owner\"");
        }
    }

    /**
     * TWILIO_VOICE_STATUS_CALLBACK_URL stays the function URL behind a custom domain (template.yaml), so Twilio signs
     * that URL: it is accepted too, while a signature for any other host is not.
     */
    @Test
    void customDomain_stillAcceptsCallbacksSignedForTheFunctionUrl_notForOtherHosts() {
        try (VoiceFunction behindDomain = new VoiceFunction(database, Map.of("TWILIO_WEBHOOK_BASE_URL", CUSTOM_DOMAIN))) {
            APIGatewayV2HTTPResponse otherHost = behindDomain.invoke(
                    VoiceData.signedFor("https://hooks.other.example/twilio", VoiceSamples.STATUS));
            assertThat(otherHost.getStatusCode()).isEqualTo(403);
            assertThat(data.db.count("select count(*) from calls")).isZero();

            APIGatewayV2HTTPResponse functionUrlSigned = behindDomain.invoke(sample(VoiceSamples.STATUS));

            assertThat(functionUrlSigned.getStatusCode()).as(functionUrlSigned.getBody()).isEqualTo(204);
        }
    }

    @Test
    void badConfiguration_stopsTheColdStart_namingTheVariable() {
        assertThatThrownBy(() -> VoiceFunction.start(VoiceFunction.environment(database,
                Map.of("TWILIO_WORKFLOW_SID", "not-a-workflow"))))
                .hasStackTraceContaining("TWILIO_WORKFLOW_SID - must be WW");
        assertThatThrownBy(() -> VoiceFunction.start(VoiceFunction.environment(database,
                Map.of("TWILIO_DIAL_TIMEOUT_SECONDS", "2"))))
                .hasStackTraceContaining("TWILIO_DIAL_TIMEOUT_SECONDS - must be 5..600");
        assertThatThrownBy(() -> VoiceFunction.start(VoiceFunction.environment(database,
                Map.of("TWILIO_AUTH_TOKEN", ""))))
                .hasStackTraceContaining("TWILIO_AUTH_TOKEN - is not set");
    }

    private void assertRejectedUntouched(String what, APIGatewayV2HTTPEvent event) {
        long before = function.statementCount();

        APIGatewayV2HTTPResponse response = function.invoke(event);

        assertThat(response.getStatusCode()).as(what).isEqualTo(403);
        assertThat(response.getHeaders().get("Content-Type")).as(what).startsWith("application/problem+json");
        assertThat(response.getBody()).as(what).contains("\"status\":403").doesNotContain("Exception");
        assertThat(function.statementCount() - before).as(what + ": statements run").isZero();
        assertThat(data.db.count("select (select count(*) from calls) + (select count(*) from voicemails)"))
                .as(what).isZero();
    }
}
