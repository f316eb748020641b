package com.kin.twilio.credentials;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Factory;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Resolves the credentials once per cold start. A function that has this module uses Twilio (signatures or REST),
 * and both need the auth token, so a missing or malformed credential stops the function at start.
 */
@Factory
final class TwilioCredentialsFactory {

    static final String ACCOUNT_SID = "TWILIO_ACCOUNT_SID";
    static final String AUTH_TOKEN = "TWILIO_AUTH_TOKEN";
    static final String API_KEY = "TWILIO_API_KEY";
    static final String API_SECRET = "TWILIO_API_SECRET";

    @Context
    TwilioCredentials twilioCredentials(TwilioCredentialSettings settings, SecretReader secrets) {
        return resolve(settings, secrets);
    }

    static TwilioCredentials resolve(TwilioCredentialSettings settings, SecretReader secrets) {
        if (!settings.fromSecret()) {
            return withSource("the environment", () -> TwilioCredentials.of(settings.accountSid(),
                    settings.authToken(), settings.apiKey(), settings.apiSecret()));
        }
        // Two sources would leave it unclear which token is live; on AWS a token in plain environment is a leak.
        if (settings.hasInlineValues()) {
            throw new IllegalStateException("TWILIO_SECRET_ARN - is set together with TWILIO_ACCOUNT_SID/AUTH_TOKEN/API_KEY/"
                    + "API_SECRET; use one source: the secret on AWS, the variables locally (leave TWILIO_SECRET_ARN empty)");
        }
        String arn = settings.secretArn().trim();
        Map<String, String> values = secrets.read(arn);
        return withSource("secret " + arn, () -> TwilioCredentials.of(values.get(ACCOUNT_SID), values.get(AUTH_TOKEN),
                values.get(API_KEY), values.get(API_SECRET)));
    }

    private static TwilioCredentials withSource(String source, Supplier<TwilioCredentials> build) {
        try {
            return build.get();
        } catch (IllegalStateException e) {
            throw new IllegalStateException(e.getMessage() + " (read from " + source + ")", e);
        }
    }
}
