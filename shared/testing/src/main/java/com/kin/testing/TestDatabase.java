package com.kin.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.flywaydb.core.Flyway;
import org.postgresql.ds.PGSimpleDataSource;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * One embedded PostgreSQL 14 per JVM, migrated once with the kin-db Flyway migrations.
 *
 * <p>Started lazily by the first {@link #get()}, stopped by a JVM shutdown hook. Tests share the instance,
 * so each test class brings its own data ({@link Fixtures}, {@link BulkLoader}) and calls {@link #truncateAll()}
 * before it rather than relying on what an earlier class left behind.
 */
public final class TestDatabase {

    private static final System.Logger LOG = System.getLogger(TestDatabase.class.getName());
    private static final String DATABASE = "postgres";
    private static final String USER = "postgres";
    /** The cluster uses trust authentication, so any password is accepted; a non-empty one keeps pool configs happy. */
    private static final String PASSWORD = "postgres";
    private static final String MIGRATIONS = "classpath:db/migration";
    private static final String FLYWAY_HISTORY = "flyway_schema_history";

    private static TestDatabase instance;

    private final EmbeddedPostgres postgres;
    private final PGSimpleDataSource dataSource;
    private final long startupMillis;

    private TestDatabase(EmbeddedPostgres postgres, PGSimpleDataSource dataSource, long startupMillis) {
        this.postgres = postgres;
        this.dataSource = dataSource;
        this.startupMillis = startupMillis;
    }

    /** The JVM-wide instance, started and migrated on first use. */
    public static synchronized TestDatabase get() {
        if (instance == null) {
            instance = start();
        }
        return instance;
    }

    public DataSource dataSource() {
        return dataSource;
    }

    /** {@code jdbc:postgresql://127.0.0.1:PORT/postgres}, for components that build their own pool. */
    public String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + port() + "/" + DATABASE;
    }

    /** The same database in the AWS Advanced JDBC Wrapper's URL form, as production configuration uses it. */
    public String awsWrapperUrl() {
        return "jdbc:aws-wrapper:postgresql://127.0.0.1:" + port() + "/" + DATABASE;
    }

    public String user() {
        return USER;
    }

    public String password() {
        return PASSWORD;
    }

    public int port() {
        return postgres.getPort();
    }

    /** How long starting the server and applying every migration took for this JVM. */
    public long startupMillis() {
        return startupMillis;
    }

    /**
     * Empties every table of the public schema except Flyway's history, in one TRUNCATE ... CASCADE.
     * Fails after a short lock wait instead of hanging when a test leaked an open transaction on a table.
     */
    public void truncateAll() {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            List<String> tables = domainTables(statement);
            if (tables.isEmpty()) {
                return;
            }
            statement.execute("set lock_timeout = '10s'");
            statement.execute("truncate table " + String.join(", ", tables) + " restart identity cascade");
        } catch (SQLException e) {
            throw new IllegalStateException("test database - failed to truncate the domain tables", e);
        }
    }

    /** Every table of the public schema but Flyway's history, quoted for use in SQL. */
    static List<String> domainTables(Statement statement) throws SQLException {
        List<String> tables = new ArrayList<>();
        try (ResultSet rows = statement.executeQuery(
                "select quote_ident(tablename) from pg_tables where schemaname = 'public' and tablename <> '"
                        + FLYWAY_HISTORY + "' order by tablename")) {
            while (rows.next()) {
                tables.add(rows.getString(1));
            }
        }
        return tables;
    }

    private static TestDatabase start() {
        long began = System.nanoTime();
        EmbeddedPostgres postgres = startServer();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(postgres), "kin-test-postgres-stop"));
        PGSimpleDataSource dataSource = newDataSource(postgres.getPort());
        migrate(dataSource);
        long millis = (System.nanoTime() - began) / 1_000_000;
        LOG.log(System.Logger.Level.INFO,
                "embedded PostgreSQL on port {0,number,#} started and migrated in {1,number,#} ms",
                postgres.getPort(), millis);
        return new TestDatabase(postgres, dataSource, millis);
    }

    private static EmbeddedPostgres startServer() {
        try {
            // Durability is irrelevant for a throw-away cluster: these make writes and bulk loads cheap.
            // JIT stays off so that EXPLAIN output and plan choices do not depend on an optional LLVM build.
            return EmbeddedPostgres.builder()
                    .setServerConfig("fsync", "off")
                    .setServerConfig("full_page_writes", "off")
                    .setServerConfig("max_wal_size", "1GB")
                    .setServerConfig("maintenance_work_mem", "128MB")
                    .setServerConfig("jit", "off")
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("test database - failed to start embedded PostgreSQL", e);
        }
    }

    private static void migrate(DataSource dataSource) {
        Flyway.configure()
                .dataSource(dataSource)
                .locations(MIGRATIONS)
                .cleanDisabled(true)
                .failOnMissingLocations(true)
                .load()
                .migrate();
    }

    private static void stop(EmbeddedPostgres postgres) {
        try {
            postgres.close();
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "test database - failed to stop embedded PostgreSQL", e);
        }
    }

    private static PGSimpleDataSource newDataSource(int port) {
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setServerNames(new String[] {"127.0.0.1"});
        dataSource.setPortNumbers(new int[] {port});
        dataSource.setDatabaseName(DATABASE);
        dataSource.setUser(USER);
        dataSource.setPassword(PASSWORD);
        return dataSource;
    }
}
