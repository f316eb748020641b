package com.kin.bench.scale;

import com.kin.load.SeedResult;
import com.kin.load.Seeder;
import com.kin.load.copy.ProgressBar;
import com.kin.load.data.Dataset;
import com.kin.load.data.Scale;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import org.flywaydb.core.Flyway;

/**
 * An embedded PostgreSQL 14 kept in a directory of its own (so a 1m seed is paid once and reused by later runs),
 * migrated with the kin-db Flyway migrations and seeded with the load module's Seeder (idempotent: a seeded
 * directory is left as it is). Server settings as the tests' TestDatabase (fsync off: a throw-away cluster).
 */
final class ScaleDatabase implements AutoCloseable {

    private static final String USER = "postgres";

    private final EmbeddedPostgres postgres;

    private ScaleDatabase(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    /** Starts (initialising on first use) the cluster in {@code directory}, migrates it and seeds {@code scale}. */
    static ScaleDatabase open(Path directory, Scale scale) {
        ScaleDatabase database = new ScaleDatabase(start(directory));
        try {
            database.migrateAndSeed(scale);
            return database;
        } catch (RuntimeException e) {
            database.close();
            throw e;
        }
    }

    String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + postgres.getPort() + "/postgres";
    }

    String user() {
        return USER;
    }

    /** Trust authentication: any password is accepted; a non-empty one keeps pool configurations happy. */
    String password() {
        return USER;
    }

    private void migrateAndSeed(Scale scale) {
        Flyway.configure().dataSource(postgres.getPostgresDatabase()).locations("classpath:db/migration")
                .cleanDisabled(true).failOnMissingLocations(true).load().migrate();
        Clock clock = Clock.systemUTC();
        Dataset dataset = new Dataset(Dataset.DEFAULT_SEED, scale, clock.instant().truncatedTo(ChronoUnit.DAYS));
        try (Connection connection = postgres.getPostgresDatabase().getConnection()) {
            SeedResult result = new Seeder(clock, ProgressBar.onStderr()).seed(connection, dataset);
            System.err.println("scale bench | " + result.describe());
        } catch (SQLException e) {
            throw new IllegalStateException("scale bench - failed to seed " + scale.label() + " into the database", e);
        }
    }

    private static EmbeddedPostgres start(Path directory) {
        try {
            return EmbeddedPostgres.builder()
                    .setDataDirectory(directory)
                    .setCleanDataDirectory(false)
                    .setServerConfig("fsync", "off")
                    .setServerConfig("full_page_writes", "off")
                    .setServerConfig("max_wal_size", "2GB")
                    .setServerConfig("maintenance_work_mem", "512MB")
                    .setServerConfig("shared_buffers", "512MB")
                    .setServerConfig("jit", "off")
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("scale bench - failed to start embedded PostgreSQL in " + directory, e);
        }
    }

    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException("scale bench - failed to stop embedded PostgreSQL", e);
        }
    }
}
