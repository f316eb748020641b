package com.kin.health;

import com.kin.data.DatabaseConfig;
import com.kin.twilio.credentials.TwilioCredentials;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;

/**
 * The last guard between a credential and the health report: every message passes through {@link #apply}, which
 * replaces any configured secret (database password, Twilio token and key secret, Quickbase user token) it contains.
 * The checks do not put secrets in messages; upstream error texts are not under our control.
 */
@Singleton
final class SecretMask {

    static final String MASK = "***";
    /** Shorter values would mask ordinary words; real secrets are far longer. */
    private static final int SHORTEST_MASKED = 6;

    private final List<String> secrets = new ArrayList<>();

    SecretMask(DatabaseConfig database, TwilioCredentials twilio, QuickBaseConfig quickBase) {
        add(database.password());
        add(twilio.authToken());
        add(twilio.apiKeySecret());
        add(quickBase.userToken());
    }

    String apply(String text) {
        String masked = text;
        for (String secret : secrets) {
            masked = masked.replace(secret, MASK);
        }
        return masked;
    }

    private void add(String secret) {
        if (secret != null && secret.strip().length() >= SHORTEST_MASKED) {
            secrets.add(secret.strip());
        }
    }
}
