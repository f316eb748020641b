package com.kin.twilio.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.twilio.security.RequestValidator;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TwilioSignerTest {

    /** Twilio's worked example (docs "Webhooks security" / helper-library docs): token 12345 and this URL. */
    static final String DOCS_URL = "https://mycompany.com/myapp.php?foo=1&bar=2";
    static final String DOCS_TOKEN = "12345";

    static Map<String, String> docsParams(String caller) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("CallSid", "CA1234567890ABCDE");
        params.put("Caller", caller);
        params.put("Digits", "1234");
        params.put("From", caller);
        params.put("To", "+18005551212");
        return params;
    }

    @Test
    void publishedExample_yieldsTwiliosSignature() {
        String signature = new TwilioSigner(DOCS_TOKEN).sign(DOCS_URL, docsParams("+14158675310"));

        assertThat(signature).isEqualTo("GvWf1cFY/Q7PnoempGyD5oXAezc=");
    }

    @Test
    void sdkTestVector_yieldsTheSdksSignature() {
        // The vector twilio-java's own RequestValidatorTest uses.
        String signature = new TwilioSigner(DOCS_TOKEN).sign(DOCS_URL, docsParams("+14158675309"));

        assertThat(signature).isEqualTo("RSOYDt4T1cUTdK1PDd93/VVr8B8=");
    }

    @Test
    void signature_isAcceptedBySdkValidator_andRejectedForOtherParams() {
        Map<String, String> params = Map.of("From", "+15558675310", "Body", "Hi & bye = 100%", "To", "+15017122661");
        String url = "https://abc123.lambda-url.us-east-1.on.aws/messages/inbound";
        String signature = new TwilioSigner("local-twilio-auth-token").sign(url, params);

        RequestValidator validator = new RequestValidator("local-twilio-auth-token");
        assertThat(validator.validate(url, params, signature)).isTrue();
        assertThat(validator.validate(url, Map.of("From", "+15558675310", "Body", "Hi", "To", "+15017122661"),
                signature)).isFalse();
    }

    @Test
    void repeatedNames_signEachDistinctValueInOrder_asTwiliosHelperLibrariesDo() {
        // Expected value computed with twilio-python's compute_signature algorithm (sorted names, sorted distinct values).
        FormBody body = FormBody.parse("From=%2B15558675310&MediaUrl=https%3A%2F%2Fexample.com%2Fb.png"
                + "&MediaUrl=https%3A%2F%2Fexample.com%2Fa.png&MediaUrl=https%3A%2F%2Fexample.com%2Fa.png&Body=Hello", false);

        String signature = new TwilioSigner("local-twilio-auth-token")
                .sign("https://abc123.lambda-url.us-east-1.on.aws/messages/inbound?tenant=kin", body);

        assertThat(signature).isEqualTo("iJbEUkyfl+VHVTp3wJ7EWnZuH68=");
    }

    @Test
    void emptyToken_isRefused() {
        assertThatThrownBy(() -> new TwilioSigner("")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("auth token is empty");
    }
}
