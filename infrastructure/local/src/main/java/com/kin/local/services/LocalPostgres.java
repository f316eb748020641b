package com.kin.local.services;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * The embedded PostgreSQL 14 server with the {@code kin} database, owned by the application role the functions sign
 * in with, and migrated with the project's Flyway migrations (classpath:db/migration, from kin-db).
 */
public final class LocalPostgres implements AutoCloseable {

    public static final String DATABASE = "kin";
    public static final String USER = "kin_app";
    public static final String PASSWORD = "kin_app";
    /** How long closing waits for the server to exit before deleting a temporary cluster (a fast shutdown takes less). */
    private static final Duration STOP_PATIENCE = Duration.ofSeconds(10);

    private final EmbeddedPostgres postgres;
    private final Path temporaryData;

    private LocalPostgres(EmbeddedPostgres postgres, Path temporaryData) {
        this.postgres = postgres;
        this.temporaryData = temporaryData;
    }

    /**
     * The cluster kept in {@code dataDirectory} (created if absent), or, when it is null, a fresh cluster copied from
     * the initialised template cached in {@code cacheDirectory} and deleted on close.
     */
    public static LocalPostgres start(Path dataDirectory, Path cacheDirectory) throws IOException {
        Path data = dataDirectory != null ? dataDirectory : PostgresTemplate.freshCopy(cacheDirectory);
        if (dataDirectory != null) {
            // A kept cluster whose last runtime was killed still has its postmaster: stop it before starting anew.
            PostgresTemplate.stopIfOrphaned(dataDirectory);
        }
        if (!PostgresTemplate.holdsCluster(data)) {
            PostgresTemplate.copyInto(cacheDirectory, data);
        }
        EmbeddedPostgres postgres;
        try {
            postgres = EmbeddedPostgres.builder().setDataDirectory(data).setCleanDataDirectory(false).start();
        } catch (IOException | RuntimeException e) {
            if (dataDirectory == null) {
                PostgresTemplate.delete(data);
            }
            throw e;
        }
        LocalPostgres local = new LocalPostgres(postgres, dataDirectory == null ? data : null);
        try {
            local.createRoleAndDatabase();
        } catch (SQLException e) {
            local.close();
            throw new IOException("postgres - cannot create role " + USER + " and database " + DATABASE, e);
        }
        return local;
    }

    public int port() {
        return postgres.getPort();
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + port() + "/" + DATABASE;
    }

    /** A connection as the application role; batched inserts are rewritten into multi-row inserts. */
    public Connection connect() throws SQLException {
        return DriverManager.getConnection(jdbcUrl() + "?reWriteBatchedInserts=true", USER, PASSWORD);
    }

    /** Applies pending migrations as the application role; returns how many ran. */
    public int migrate() {
        MigrateResult result = Flyway.configure().dataSource(jdbcUrl(), USER, PASSWORD)
                .locations("classpath:db/migration").load().migrate();
        return result.migrationsExecuted;
    }

    private void createRoleAndDatabase() throws SQLException {
        try (Connection admin = postgres.getPostgresDatabase().getConnection()) {
            if (!exists(admin, "select 1 from pg_roles where rolname = ?", USER)) {
                try (Statement statement = admin.createStatement()) {
                    statement.execute("create role " + USER + " login password '" + PASSWORD + "'");
                }
            }
            if (!exists(admin, "select 1 from pg_database where datname = ?", DATABASE)) {
                try (Statement statement = admin.createStatement()) {
                    statement.execute("create database " + DATABASE + " owner " + USER);
                }
            }
        }
    }

    private static boolean exists(Connection connection, String sql, String name) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(sql)) {
            query.setString(1, name);
            try (ResultSet rows = query.executeQuery()) {
                return rows.next();
            }
        }
    }

    @Override
    public void close() throws IOException {
        postgres.close();
        if (temporaryData != null) {
            PostgresTemplate.awaitStopped(temporaryData, STOP_PATIENCE);
            PostgresTemplate.delete(temporaryData);
        }
    }
}
