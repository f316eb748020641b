package com.kin.data;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import java.util.Properties;
import javax.sql.DataSource;

/**
 * The pool every function uses: HikariCP over the AWS Advanced JDBC Wrapper, so that on AWS connections go through RDS
 * Proxy with IAM tokens, and locally to a plain Postgres with a password.
 */
@Factory
final class DataSourceFactory {

    @Singleton
    @Bean(preDestroy = "close")
    HikariDataSource dataSource(DatabaseConfig rawConfig) {
        DatabaseConfig config = rawConfig.validated();
        HikariConfig hikari = new HikariConfig();
        hikari.setPoolName("kin");
        hikari.setDriverClassName("software.amazon.jdbc.Driver");
        hikari.setJdbcUrl(config.url());
        hikari.setUsername(config.user());
        if (!config.iamAuth()) {
            hikari.setPassword(config.password());
        }
        hikari.setMaximumPoolSize(config.poolMax());
        hikari.setMinimumIdle(0);
        hikari.setConnectionTimeout(config.connectTimeoutMs());
        hikari.setValidationTimeout(Math.min(1000, config.connectTimeoutMs()));
        // Lambda freezes idle instances; RDS Proxy closes idle client connections after its own timeout.
        hikari.setMaxLifetime(10 * 60_000L);
        hikari.setIdleTimeout(0);
        // Fail at first use, not at bean creation: a cold start should not pay for a connection it may not need.
        hikari.setInitializationFailTimeout(-1);
        hikari.setDataSourceProperties(wrapperProperties(config));
        return new HikariDataSource(hikari);
    }

    private static Properties wrapperProperties(DatabaseConfig config) {
        Properties props = new Properties();
        // Through RDS Proxy the proxy handles failover; the wrapper only mints IAM tokens. Locally no plugin is needed.
        props.setProperty("wrapperPlugins", config.iamAuth() ? "iam" : "");
        props.setProperty("wrapperDialect", "pg");
        props.setProperty("connectTimeout", String.valueOf(Math.max(1, config.connectTimeoutMs() / 1000)));
        props.setProperty("socketTimeout", String.valueOf(config.queryTimeoutSeconds() + 5));
        props.setProperty("ApplicationName", System.getenv().getOrDefault("AWS_LAMBDA_FUNCTION_NAME", "kin"));
        if (config.iamAuth()) {
            props.setProperty("sslmode", "require");
        }
        return props;
    }

    @Singleton
    Database database(DataSource dataSource, DatabaseConfig config, SqlMetrics metrics) {
        return new Database(dataSource, config.validated().queryTimeoutSeconds(), metrics);
    }
}
