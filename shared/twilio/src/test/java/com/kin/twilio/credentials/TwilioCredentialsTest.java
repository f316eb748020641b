package com.kin.twilio.credentials;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class TwilioCredentialsTest {

    static final String SID = "AC0123456789abcdef0123456789abcdef";
    static final String KEY = "SK0123456789abcdef0123456789abcdef";
    static final String TOKEN = "local-twilio-auth-token";

    static TwilioCredentialSettings env(String sid, String token, String key, String secret, String arn) {
        return new TwilioCredentialSettings(sid, token, key, secret, arn);
    }

    static SecretReader secretHolding(Map<String, String> values) {
        return arn -> {
            assertThat(arn).isEqualTo("arn:aws:secretsmanager:us-east-1:123456789012:secret:kin/twilio-AbCdEf");
            return values;
        };
    }

    static final SecretReader NO_SECRETS = arn -> {
        throw new AssertionError("no secret should be read, asked for " + arn);
    };

    @Test
    void fromEnvironment_tokenOnly() {
        TwilioCredentials credentials = TwilioCredentialsFactory.resolve(env(SID, TOKEN, null, null, " "), NO_SECRETS);

        assertThat(credentials.accountSid()).isEqualTo(SID);
        assertThat(credentials.authToken()).isEqualTo(TOKEN);
        assertThat(credentials.usesApiKey()).isFalse();
    }

    @Test
    void fromEnvironment_withApiKeyPair() {
        TwilioCredentials credentials = TwilioCredentialsFactory.resolve(env(SID, TOKEN, KEY, "key-secret", null), NO_SECRETS);

        assertThat(credentials.usesApiKey()).isTrue();
        assertThat(credentials.apiKeySid()).isEqualTo(KEY);
    }

    @Test
    void missingAuthToken_failsNamingTheVariable() {
        assertThatThrownBy(() -> TwilioCredentialsFactory.resolve(env(SID, "", null, null, null), NO_SECRETS))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("TWILIO_AUTH_TOKEN - is not set")
                .hasMessageEndingWith("(read from the environment)");
    }

    @Test
    void malformedAccountSid_failsNamingTheVariable() {
        assertThatThrownBy(() -> TwilioCredentialsFactory.resolve(env("AC0123-not-hex", TOKEN, null, null, null), NO_SECRETS))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("TWILIO_ACCOUNT_SID - must be AC followed by 32 lowercase hex digits");
    }

    @Test
    void apiKeyWithoutSecret_andSecretWithoutKey_fail() {
        assertThatThrownBy(() -> TwilioCredentials.of(SID, TOKEN, KEY, null))
                .hasMessageStartingWith("TWILIO_API_SECRET - is required when TWILIO_API_KEY is set");
        assertThatThrownBy(() -> TwilioCredentials.of(SID, TOKEN, null, "key-secret"))
                .hasMessageStartingWith("TWILIO_API_KEY - is required when TWILIO_API_SECRET is set");
        assertThatThrownBy(() -> TwilioCredentials.of(SID, TOKEN, "KEY123", "key-secret"))
                .hasMessageStartingWith("TWILIO_API_KEY - must be SK followed by 32 lowercase hex digits");
    }

    @Test
    void fromSecret_readsTheSameNames() {
        SecretReader secret = secretHolding(Map.of("TWILIO_ACCOUNT_SID", SID, "TWILIO_AUTH_TOKEN", "prod-token",
                "TWILIO_API_KEY", KEY, "TWILIO_API_SECRET", "prod-key-secret"));

        TwilioCredentials credentials = TwilioCredentialsFactory.resolve(
                env(null, null, null, null, "arn:aws:secretsmanager:us-east-1:123456789012:secret:kin/twilio-AbCdEf"), secret);

        assertThat(credentials).isEqualTo(new TwilioCredentials(SID, "prod-token", KEY, "prod-key-secret"));
    }

    @Test
    void secretMissingTheToken_failsNamingTheSecret() {
        SecretReader secret = secretHolding(Map.of("TWILIO_ACCOUNT_SID", SID));

        assertThatThrownBy(() -> TwilioCredentialsFactory.resolve(
                env(null, null, null, null, "arn:aws:secretsmanager:us-east-1:123456789012:secret:kin/twilio-AbCdEf"), secret))
                .hasMessageStartingWith("TWILIO_AUTH_TOKEN - is not set")
                .hasMessageContaining("(read from secret arn:aws:secretsmanager:");
    }

    @Test
    void secretAndInlineToken_together_areRefused() {
        assertThatThrownBy(() -> TwilioCredentialsFactory.resolve(
                env(null, TOKEN, null, null, "arn:aws:secretsmanager:us-east-1:123456789012:secret:kin/twilio-AbCdEf"),
                NO_SECRETS))
                .hasMessageStartingWith("TWILIO_SECRET_ARN - is set together with");
    }

    @Test
    void toString_hidesTheSecrets() {
        assertThat(TwilioCredentials.of(SID, TOKEN, KEY, "key-secret").toString())
                .contains(SID).doesNotContain(TOKEN).doesNotContain("key-secret");
        assertThat(env(SID, TOKEN, KEY, "key-secret", null).toString()).doesNotContain(TOKEN).doesNotContain("key-secret");
    }
}
