package com.kin.migrate;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;

/**
 * The migrate function's settings: {@code MIGRATE_APP_USER}, the role the API functions log in as (created and granted
 * after the migrations; empty: none), {@code MIGRATE_APP_PASSWORD}, that role's password when RDS Proxy logs in to the
 * database with it (empty: the role logs in with IAM tokens where RDS offers them), and {@code MIGRATE_RESPONSE_MARGIN_MS}, how long before the Lambda timeout the
 * function gives up and reports FAILED, so CloudFormation never waits an hour for an answer that will not come.
 */
@ConfigurationProperties("migrate")
public record MigrateConfig(
        @Nullable String appUser,
        @Nullable String appPassword,
        @Bindable(defaultValue = "15000") long responseMarginMs) {

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
        return this;
    }

    boolean hasAppPassword() {
        return appPassword != null && !appPassword.isEmpty();
    }

    boolean hasAppUser() {
        return appUser != null && !appUser.isEmpty();
    }
}
