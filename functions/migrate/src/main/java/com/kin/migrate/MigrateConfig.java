package com.kin.migrate;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The migrate function's settings: {@code MIGRATE_APP_USER}, the role the API functions log in as (created and granted
 * after the migrations; empty: none), {@code MIGRATE_APP_PASSWORD}, that role's password when RDS Proxy logs in to the
 * database with it (empty: the role logs in with IAM tokens where RDS offers them), {@code MIGRATE_RESPONSE_MARGIN_MS},
 * how long before the Lambda timeout the function gives up and reports FAILED, so CloudFormation never waits an hour
 * for an answer that will not come, and {@code MIGRATE_ADMIN_EMAIL} with {@code MIGRATE_ADMIN_ID}: the first admin of
 * a fresh deployment (a Cognito user's e-mail and {@code sub}), made sure to exist as an active admin after the
 * migrations (both empty: nobody).
 */
@ConfigurationProperties("migrate")
public record MigrateConfig(
        @Nullable String appUser,
        @Nullable String appPassword,
        @Bindable(defaultValue = "15000") long responseMarginMs,
        @Nullable String adminEmail,
        @Nullable String adminId) {

    /** As users.email's own check: one @, no spaces, a dot in the domain. */
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]+");

    /** Fails with a message naming the offending variable. */
    public MigrateConfig validated() {
        if (appUser != null && !appUser.isEmpty() && !appUser.matches("[a-z_][a-z0-9_]{0,62}")) {
            throw new IllegalStateException("MIGRATE_APP_USER - must be a plain lower-case Postgres role name, got '"
                    + appUser + "'");
        }
        if (hasAppPassword() && !appPassword.matches("[A-Za-z0-9]{16,128}")) {
            throw new IllegalStateException("MIGRATE_APP_PASSWORD - must be 16 to 128 letters and digits (the secret is "
                    + "generated without punctuation)");
        }
        if (responseMarginMs < 1000 || responseMarginMs > 120_000) {
            throw new IllegalStateException("MIGRATE_RESPONSE_MARGIN_MS - must be between 1000 and 120000 ms, got "
                    + responseMarginMs);
        }
        validateAdmin();
        return this;
    }

    private void validateAdmin() {
        boolean email = adminEmail != null && !adminEmail.isEmpty();
        boolean id = adminId != null && !adminId.isEmpty();
        if (email != id) {
            throw new IllegalStateException("MIGRATE_ADMIN_EMAIL and MIGRATE_ADMIN_ID - set both (the Cognito user's "
                    + "e-mail and sub) or neither");
        }
        if (email && (adminEmail.length() > 254 || !EMAIL.matcher(adminEmail).matches())) {
            throw new IllegalStateException("MIGRATE_ADMIN_EMAIL - must be an e-mail address, got '" + adminEmail + "'");
        }
        if (id) {
            try {
                UUID.fromString(adminId);
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException("MIGRATE_ADMIN_ID - must be the Cognito user's sub (a UUID), got '"
                        + adminId + "'", e);
            }
        }
    }

    boolean hasAppPassword() {
        return appPassword != null && !appPassword.isEmpty();
    }

    boolean hasAppUser() {
        return appUser != null && !appUser.isEmpty();
    }

    boolean hasAdmin() {
        return adminId != null && !adminId.isEmpty();
    }
}
