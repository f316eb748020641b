package com.kin.data;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;

/**
 * How a function reaches Postgres, from the template's environment: {@code DB_URL}, {@code DB_USER}, {@code DB_PASSWORD}
 * (local only), {@code DB_IAM_AUTH}, {@code DB_POOL_MAX}, {@code DB_STATEMENT_TIMEOUT_MS}, {@code DB_CONNECT_TIMEOUT_MS}.
 */
@ConfigurationProperties("db")
public record DatabaseConfig(
        @Nullable String url,
        @Nullable String user,
        @Nullable String password,
        @Bindable(defaultValue = "false") boolean iamAuth,
        @Bindable(defaultValue = "2") int poolMax,
        @Bindable(defaultValue = "5000") int statementTimeoutMs,
        @Bindable(defaultValue = "3000") int connectTimeoutMs) {

    static final String URL_PREFIX = "jdbc:aws-wrapper:postgresql://";
    /** RDS Proxy pools connections; more than two per instance only holds proxy connections idle. */
    static final int MAX_POOL = 2;

    /** Fails with a message naming the offending variable, so a bad deployment stops at its first cold start. */
    public DatabaseConfig validated() {
        require(url != null && !url.isBlank(), "DB_URL", "is not set");
        require(url.startsWith(URL_PREFIX), "DB_URL", "must start with " + URL_PREFIX + " (the AWS JDBC wrapper), got '"
                + url.replaceAll("//[^/]*@", "//***@") + "'");
        require(user != null && !user.isBlank(), "DB_USER", "is not set");
        require(iamAuth || (password != null && !password.isEmpty()), "DB_PASSWORD",
                "is required when DB_IAM_AUTH is false");
        require(poolMax >= 1 && poolMax <= MAX_POOL, "DB_POOL_MAX", "must be 1 or 2 (RDS Proxy does the pooling), got " + poolMax);
        require(statementTimeoutMs >= 100 && statementTimeoutMs <= 28_000, "DB_STATEMENT_TIMEOUT_MS",
                "must be between 100 and 28000 ms (below the API Gateway timeout), got " + statementTimeoutMs);
        require(connectTimeoutMs >= 250 && connectTimeoutMs <= 10_000, "DB_CONNECT_TIMEOUT_MS",
                "must be between 250 and 10000 ms, got " + connectTimeoutMs);
        return this;
    }

    /** The statement timeout in whole seconds, as JDBC's query timeout takes it (rounded up). */
    int queryTimeoutSeconds() {
        return (statementTimeoutMs + 999) / 1000;
    }

    private static void require(boolean ok, String key, String problem) {
        if (!ok) {
            throw new IllegalStateException(key + " - " + problem);
        }
    }
}
