package com.kin.migrate;

import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Runs the project's Flyway migrations (kin-db, {@code classpath:db/migration}) and then gives the API functions' role
 * what it needs: the migrations are applied by the schema's owner, the functions log in as a role that may only read
 * and write rows; last, the first admin when one is configured ({@link FirstAdmin}).
 */
@Singleton
public class Migrations {

    static final String LOCATION = "classpath:db/migration";

    private final DataSource dataSource;
    private final MigrateConfig config;
    private final FirstAdmin firstAdmin;

    public Migrations(DataSource dataSource, MigrateConfig config, FirstAdmin firstAdmin) {
        this.dataSource = dataSource;
        this.config = config.validated();
        this.firstAdmin = firstAdmin;
    }

    /** Applies what is pending; returns how many migrations ran and the schema version after them. */
    public Outcome migrate() {
        MigrateResult result = Flyway.configure()
                .dataSource(dataSource)
                .locations(LOCATION)
                .cleanDisabled(true)
                .failOnMissingLocations(true)
                .load()
                .migrate();
        if (config.hasAppUser()) {
            grantAppUser(config.appUser(), config.hasAppPassword() ? loginWithPassword(config) : LOGIN_WITH_IAM);
        }
        firstAdmin.ensure();
        return new Outcome(result.migrationsExecuted, result.targetSchemaVersion);
    }

    /** Where RDS offers it, the role logs in with IAM tokens ({@code rds_iam}); elsewhere that role does not exist. */
    private static final String LOGIN_WITH_IAM =
            "if exists (select 1 from pg_roles where rolname = 'rds_iam') then grant rds_iam to %1$s; end if;";

    /**
     * Behind RDS Proxy the proxy logs in to the database with the role's password from its secret, and a role with
     * {@code rds_iam} may not log in with a password: set the password, drop IAM. Letters and digits only (validated).
     */
    private static String loginWithPassword(MigrateConfig config) {
        return "alter role %1$s with login password '" + config.appPassword() + "';"
                + " if exists (select 1 from pg_roles where rolname = 'rds_iam') then revoke rds_iam from %1$s; end if;";
    }

    /**
     * Creates the login role of the API functions if it is missing, sets how it logs in, and grants it row access to
     * every table, now and in later migrations.
     */
    private void grantAppUser(String role, String login) {
        String sql = String.join("\n",
                "do $$ begin",
                "  if not exists (select 1 from pg_roles where rolname = '%1$s') then create role %1$s login; end if;",
                "  " + login,
                "end $$;",
                "grant usage on schema public to %1$s;",
                "grant select, insert, update, delete on all tables in schema public to %1$s;",
                "grant usage, select on all sequences in schema public to %1$s;",
                "alter default privileges in schema public grant select, insert, update, delete on tables to %1$s;",
                "alter default privileges in schema public grant usage, select on sequences to %1$s;").formatted(role);
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("migrate - failed to grant row access to role " + role, e);
        }
    }

    /** What a run did: {@code applied} migrations, ending at schema {@code version} (null: no migration at all). */
    public record Outcome(int applied, String version) {
    }
}
