package com.kin.twilio.credentials;

import io.micronaut.core.annotation.Nullable;
import java.util.regex.Pattern;

/**
 * The account a function acts for: its SID, the auth token (always needed: Twilio signs webhooks with it) and,
 * optionally, an API key pair that REST calls use instead of the token.
 *
 * <p>Built only through {@link #of}, which checks every value and names the variable at fault, so a bad deployment
 * stops at its first cold start instead of at its first webhook.
 */
public record TwilioCredentials(String accountSid, String authToken, @Nullable String apiKeySid,
                                @Nullable String apiKeySecret) {

    private static final Pattern ACCOUNT_SID = Pattern.compile("^AC[0-9a-f]{32}$");
    private static final Pattern API_KEY_SID = Pattern.compile("^SK[0-9a-f]{32}$");

    public TwilioCredentials {
        require(present(accountSid), "TWILIO_ACCOUNT_SID", "is not set");
        require(ACCOUNT_SID.matcher(accountSid).matches(), "TWILIO_ACCOUNT_SID",
                "must be AC followed by 32 lowercase hex digits, got '" + abbreviate(accountSid) + "'");
        require(present(authToken), "TWILIO_AUTH_TOKEN",
                "is not set (webhook signatures are checked with it, even when REST calls use an API key)");
        require(!present(apiKeySecret) || present(apiKeySid), "TWILIO_API_KEY", "is required when TWILIO_API_SECRET is set");
        if (present(apiKeySid)) {
            require(API_KEY_SID.matcher(apiKeySid).matches(), "TWILIO_API_KEY",
                    "must be SK followed by 32 lowercase hex digits, got '" + abbreviate(apiKeySid) + "'");
            require(present(apiKeySecret), "TWILIO_API_SECRET", "is required when TWILIO_API_KEY is set");
        }
    }

    /** Credentials from raw values (blank counts as absent); fails with a message naming the variable at fault. */
    public static TwilioCredentials of(@Nullable String accountSid, @Nullable String authToken,
                                       @Nullable String apiKeySid, @Nullable String apiKeySecret) {
        return new TwilioCredentials(trimmed(accountSid), trimmed(authToken), trimmed(apiKeySid), trimmed(apiKeySecret));
    }

    /** Whether REST calls authenticate with the API key pair rather than the auth token. */
    public boolean usesApiKey() {
        return apiKeySid != null;
    }

    /** Never prints the token or the key secret: records print every component, and configs end up in logs. */
    @Override
    public String toString() {
        return "TwilioCredentials[accountSid=" + accountSid + ", authToken=***, apiKeySid=" + apiKeySid
                + (apiKeySecret == null ? "" : ", apiKeySecret=***") + "]";
    }

    private static String trimmed(@Nullable String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    private static boolean present(@Nullable String value) {
        return value != null && !value.isBlank();
    }

    private static String abbreviate(String value) {
        return value.length() <= 12 ? value : value.substring(0, 12) + "...";
    }

    private static void require(boolean ok, String key, String problem) {
        if (!ok) {
            throw new IllegalStateException(key + " - " + problem);
        }
    }
}
