package com.kin.twilio.credentials;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;

/**
 * Where the Twilio credentials come from, as the environment gives them: locally the values themselves
 * ({@code TWILIO_ACCOUNT_SID}, {@code TWILIO_AUTH_TOKEN}, optional {@code TWILIO_API_KEY} / {@code TWILIO_API_SECRET}),
 * on AWS only {@code TWILIO_SECRET_ARN}, the Secrets Manager secret that holds them under the same names.
 */
@ConfigurationProperties("twilio")
public record TwilioCredentialSettings(
        @Nullable String accountSid,
        @Nullable String authToken,
        @Nullable String apiKey,
        @Nullable String apiSecret,
        @Nullable String secretArn) {

    /** Whether the credentials are to be read from Secrets Manager (a blank ARN counts as none, for local runs). */
    public boolean fromSecret() {
        return secretArn != null && !secretArn.isBlank();
    }

    /** Whether any credential value was also given directly in the environment. */
    public boolean hasInlineValues() {
        return isSet(accountSid) || isSet(authToken) || isSet(apiKey) || isSet(apiSecret);
    }

    @Override
    public String toString() {
        return "TwilioCredentialSettings[accountSid=" + accountSid + ", authToken=" + (isSet(authToken) ? "***" : "unset")
                + ", apiKey=" + apiKey + ", apiSecret=" + (isSet(apiSecret) ? "***" : "unset")
                + ", secretArn=" + secretArn + "]";
    }

    private static boolean isSet(@Nullable String value) {
        return value != null && !value.isBlank();
    }
}
