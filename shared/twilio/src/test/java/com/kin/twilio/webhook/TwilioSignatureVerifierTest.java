package com.kin.twilio.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.kin.core.error.ForbiddenError;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TwilioSignatureVerifierTest {

    static final String TOKEN = "local-twilio-auth-token";
    static final String FUNCTION_HOST = "abc123.lambda-url.us-east-1.on.aws";
    static final String INBOUND_BODY = "From=%2B15558675310&To=%2B15017122661&Body=Hello+there&MessageSid=SM1";

    final TwilioSignatureVerifier verifier = new TwilioSignatureVerifier(TOKEN, null);

    static APIGatewayV2HTTPEvent event(String host, String path, String query, String body, boolean base64,
                                      String signatureHeader, String signature) {
        Map<String, String> headers = new HashMap<>();
        headers.put("host", host);
        headers.put("x-forwarded-proto", "https");
        headers.put("content-type", "application/x-www-form-urlencoded");
        if (signature != null) {
            headers.put(signatureHeader, signature);
        }
        return APIGatewayV2HTTPEvent.builder().withRawPath(path).withRawQueryString(query).withHeaders(headers)
                .withBody(body).withIsBase64Encoded(base64).build();
    }

    static String sign(String url, String body) {
        return new TwilioSigner(TOKEN).sign(url, FormBody.parse(body, false));
    }

    @Test
    void publishedExample_asFunctionUrlEvent_isAccepted() {
        String body = "CallSid=CA1234567890ABCDE&Caller=%2B14158675310&Digits=1234&From=%2B14158675310&To=%2B18005551212";
        APIGatewayV2HTTPEvent event = event("mycompany.com", "/myapp.php", "foo=1&bar=2", body, false,
                "x-twilio-signature", "GvWf1cFY/Q7PnoempGyD5oXAezc=");

        FormBody params = new TwilioSignatureVerifier("12345", null).verify(event);

        assertThat(params.asMap()).containsEntry("Digits", "1234").containsEntry("CallSid", "CA1234567890ABCDE");
    }

    @Test
    void validSignature_returnsTheParameters() {
        String url = "https://" + FUNCTION_HOST + "/messages/inbound?tenant=kin";
        APIGatewayV2HTTPEvent event = event(FUNCTION_HOST, "/messages/inbound", "tenant=kin", INBOUND_BODY, false,
                "x-twilio-signature", sign(url, INBOUND_BODY));

        assertThat(verifier.verify(event).asMap()).containsEntry("Body", "Hello there").containsEntry("From", "+15558675310");
    }

    @Test
    void base64Body_isDecodedBeforeTheCheck() {
        String url = "https://" + FUNCTION_HOST + "/messages/inbound";
        String encoded = Base64.getEncoder().encodeToString(INBOUND_BODY.getBytes(StandardCharsets.UTF_8));
        APIGatewayV2HTTPEvent event = event(FUNCTION_HOST, "/messages/inbound", "", encoded, true,
                "X-Twilio-Signature", sign(url, INBOUND_BODY));

        assertThat(verifier.verify(event).first("MessageSid")).contains("SM1");
    }

    @Test
    void missingSignature_isForbidden() {
        APIGatewayV2HTTPEvent event = event(FUNCTION_HOST, "/messages/inbound", "", INBOUND_BODY, false, null, null);

        assertThatThrownBy(() -> verifier.verify(event)).isInstanceOf(ForbiddenError.class)
                .hasMessageContaining("X-Twilio-Signature header is missing");
    }

    @Test
    void tamperedParameter_isForbidden() {
        String url = "https://" + FUNCTION_HOST + "/messages/inbound";
        String tampered = INBOUND_BODY.replace("Hello+there", "Send+money");
        APIGatewayV2HTTPEvent event = event(FUNCTION_HOST, "/messages/inbound", "", tampered, false,
                "x-twilio-signature", sign(url, INBOUND_BODY));

        assertThatThrownBy(() -> verifier.verify(event)).isInstanceOf(ForbiddenError.class)
                .hasMessageContaining("does not match");
    }

    @Test
    void signatureForAnotherPathOrQuery_isForbidden() {
        String signedForOtherQuery = sign("https://" + FUNCTION_HOST + "/messages/inbound?tenant=other", INBOUND_BODY);
        APIGatewayV2HTTPEvent event = event(FUNCTION_HOST, "/messages/inbound", "tenant=kin", INBOUND_BODY, false,
                "x-twilio-signature", signedForOtherQuery);

        assertThatThrownBy(() -> verifier.verify(event)).isInstanceOf(ForbiddenError.class);
    }

    @Test
    void signatureWithAnotherToken_isForbidden() {
        String url = "https://" + FUNCTION_HOST + "/messages/inbound";
        String forged = new TwilioSigner("some-other-token").sign(url, FormBody.parse(INBOUND_BODY, false));
        APIGatewayV2HTTPEvent event = event(FUNCTION_HOST, "/messages/inbound", "", INBOUND_BODY, false,
                "x-twilio-signature", forged);

        assertThatThrownBy(() -> verifier.verify(event)).isInstanceOf(ForbiddenError.class);
    }

    @Test
    void publicBaseUrl_replacesSchemeHostAndPrefix() {
        TwilioSignatureVerifier behindCustomDomain = new TwilioSignatureVerifier(TOKEN, "https://hooks.kin.example/twilio/");
        String publicUrl = "https://hooks.kin.example/twilio/messages/inbound?tenant=kin";
        APIGatewayV2HTTPEvent signedForPublicUrl = event(FUNCTION_HOST, "/messages/inbound", "tenant=kin", INBOUND_BODY,
                false, "x-twilio-signature", sign(publicUrl, INBOUND_BODY));
        APIGatewayV2HTTPEvent signedForFunctionUrl = event(FUNCTION_HOST, "/messages/inbound", "tenant=kin",
                INBOUND_BODY, false, "x-twilio-signature",
                sign("https://" + FUNCTION_HOST + "/messages/inbound?tenant=kin", INBOUND_BODY));

        assertThat(behindCustomDomain.signedUrl(WebhookRequest.from(signedForPublicUrl))).isEqualTo(publicUrl);
        assertThat(behindCustomDomain.verify(signedForPublicUrl).first("Body")).contains("Hello there");
        assertThat(behindCustomDomain.signedUrls(WebhookRequest.from(signedForFunctionUrl)))
                .containsExactly(publicUrl, "https://" + FUNCTION_HOST + "/messages/inbound?tenant=kin");
    }

    /** Status callbacks go to the raw function URLs (TWILIO_STATUS_CALLBACK_URL), even behind a custom domain. */
    @Test
    void signatureForTheFunctionUrl_isAccepted_whenABaseUrlIsConfigured() {
        TwilioSignatureVerifier behindCustomDomain = new TwilioSignatureVerifier(TOKEN, "https://hooks.kin.example/twilio");
        String body = "MessageSid=SM1&MessageStatus=delivered";
        APIGatewayV2HTTPEvent callback = event(FUNCTION_HOST, "/sms/status", "", body, false, "x-twilio-signature",
                sign("https://" + FUNCTION_HOST + "/sms/status", body));

        assertThat(behindCustomDomain.verify(callback).first("MessageStatus")).contains("delivered");
    }

    /** And the other way round: the numbers' webhooks and TwiML callbacks are signed for the base, not the host. */
    @Test
    void signatureForTheBaseUrl_isAccepted_whenTheRequestReachedTheFunctionUrl() {
        TwilioSignatureVerifier behindCustomDomain = new TwilioSignatureVerifier(TOKEN, "https://hooks.kin.example/twilio");
        APIGatewayV2HTTPEvent inbound = event(FUNCTION_HOST, "/sms", "", INBOUND_BODY, false, "x-twilio-signature",
                sign("https://hooks.kin.example/twilio/sms", INBOUND_BODY));

        assertThat(behindCustomDomain.verify(inbound).first("Body")).contains("Hello there");
    }

    @Test
    void signatureForAnyOtherUrl_isForbidden_withOrWithoutABaseUrl() {
        TwilioSignatureVerifier behindCustomDomain = new TwilioSignatureVerifier(TOKEN, "https://hooks.kin.example/twilio");
        APIGatewayV2HTTPEvent otherHost = event(FUNCTION_HOST, "/sms", "", INBOUND_BODY, false, "x-twilio-signature",
                sign("https://attacker.example/sms", INBOUND_BODY));
        APIGatewayV2HTTPEvent baseWithoutPrefix = event(FUNCTION_HOST, "/sms", "", INBOUND_BODY, false,
                "x-twilio-signature", sign("https://hooks.kin.example/sms", INBOUND_BODY));
        APIGatewayV2HTTPEvent forTheBase = event(FUNCTION_HOST, "/sms", "", INBOUND_BODY, false, "x-twilio-signature",
                sign("https://hooks.kin.example/twilio/sms", INBOUND_BODY));

        assertThatThrownBy(() -> behindCustomDomain.verify(otherHost)).isInstanceOf(ForbiddenError.class);
        assertThatThrownBy(() -> behindCustomDomain.verify(baseWithoutPrefix)).isInstanceOf(ForbiddenError.class);
        assertThatThrownBy(() -> verifier.verify(forTheBase)).isInstanceOf(ForbiddenError.class);
    }

    @Test
    void repeatedNames_areCheckedLikeTwilioSignsThem() {
        String body = "Body=Hi&MediaUrl=https%3A%2F%2Fm.example%2F2&MediaUrl=https%3A%2F%2Fm.example%2F1";
        String url = "https://" + FUNCTION_HOST + "/messages/inbound";
        String signature = sign(url, body);

        FormBody accepted = verifier.verify(event(FUNCTION_HOST, "/messages/inbound", "", body, false,
                "x-twilio-signature", signature));
        String oneValueChanged = body.replace("%2F1", "%2F3");

        assertThat(accepted.all("MediaUrl")).containsExactly("https://m.example/2", "https://m.example/1");
        assertThatThrownBy(() -> verifier.verify(event(FUNCTION_HOST, "/messages/inbound", "", oneValueChanged, false,
                "x-twilio-signature", signature))).isInstanceOf(ForbiddenError.class);
    }

    @Test
    void undecodableBody_isForbidden_notBadRequest() {
        APIGatewayV2HTTPEvent event = event(FUNCTION_HOST, "/messages/inbound", "", "Body=100%", false,
                "x-twilio-signature", "c2lnbmF0dXJl");

        assertThatThrownBy(() -> verifier.verify(event)).isInstanceOf(ForbiddenError.class)
                .hasMessageContaining("cannot be decoded");
    }

    @Test
    void invalidPublicBaseUrl_failsNamingTheVariable() {
        assertThatThrownBy(() -> new TwilioSignatureVerifier(TOKEN, "hooks.kin.example/twilio"))
                .isInstanceOf(IllegalStateException.class).hasMessageStartingWith("TWILIO_WEBHOOK_BASE_URL - ");
        assertThatThrownBy(() -> new TwilioSignatureVerifier(TOKEN, "https://hooks.kin.example/twilio?x=1"))
                .isInstanceOf(IllegalStateException.class).hasMessageStartingWith("TWILIO_WEBHOOK_BASE_URL - ");
    }
}
