package com.kin.health;

import static org.assertj.core.api.Assertions.assertThat;

import com.kin.data.DatabaseConfig;
import com.kin.twilio.credentials.TwilioCredentials;
import org.junit.jupiter.api.Test;

class SecretMaskTest {

    static final String DB_PASSWORD = "db-password-0451";
    static final String AUTH_TOKEN = "5f2c0e9d7b3a41e8a6c4d2b0f9e7c5a3";
    static final String KEY_SECRET = "key-secret-9c1d2e";
    static final String QUICKBASE_TOKEN = "b9kx2m_tq7z_0_c4f8hn2wq6rjd3zvp5ly7ks9ba";

    final SecretMask mask = new SecretMask(
            new DatabaseConfig("jdbc:aws-wrapper:postgresql://db:5432/kin", "kin", DB_PASSWORD, false, 2, 5000, 3000),
            TwilioCredentials.of("AC0123456789abcdef0123456789abcdef", AUTH_TOKEN, "SK0123456789abcdef0123456789abcdef",
                    KEY_SECRET),
            new QuickBaseConfig("example.quickbase.com", QUICKBASE_TOKEN, "bck7gp3q2", null));

    @Test
    void everyConfiguredSecret_isMaskedWhereverItAppears() {
        String upstream = "login failed for " + DB_PASSWORD + "; token " + AUTH_TOKEN + "/" + KEY_SECRET
                + " and QB-USER-TOKEN " + QUICKBASE_TOKEN;

        assertThat(mask.apply(upstream))
                .isEqualTo("login failed for ***; token ***/*** and QB-USER-TOKEN ***");
    }

    @Test
    void textWithoutSecrets_isUnchanged() {
        assertThat(mask.apply("select 1 answered")).isEqualTo("select 1 answered");
    }

    @Test
    void shortOrMissingSecrets_maskNothing() {
        SecretMask withoutSecrets = new SecretMask(
                new DatabaseConfig("jdbc:aws-wrapper:postgresql://db:5432/kin", "kin", null, true, 2, 5000, 3000),
                TwilioCredentials.of("AC0123456789abcdef0123456789abcdef", "tok", null, null),
                new QuickBaseConfig(null, null, null, null));

        assertThat(withoutSecrets.apply("a tok of the kin")).isEqualTo("a tok of the kin");
    }
}
