package com.kin.local.seed;

import com.kin.local.LogStream;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collections;
import java.util.List;

/**
 * Writes the demo data of {@code --seed small} in one transaction with batched inserts, behind a progress bar.
 * A database that already has users (a kept {@code --data} directory) is left as it is.
 */
public final class Seeder {

    /** Opens a connection to the migrated database. */
    public interface Connections {
        Connection open() throws SQLException;
    }

    private static final int BATCH_ROWS = 500;

    private final Connections connections;
    private final LogStream log;
    private final Clock clock;

    public Seeder(Connections connections, LogStream log, Clock clock) {
        this.connections = connections;
        this.log = log;
        this.clock = clock;
    }

    /** Seeds unless users exist; returns the number of rows written. */
    public long seedSmall() throws SQLException {
        long begin = System.nanoTime();
        try (Connection connection = connections.open()) {
            if (hasUsers(connection)) {
                log.info("seed: the database already has users; demo data left as it is");
                return 0;
            }
            List<Table> tables = new DemoData(clock.instant()).build();
            ProgressBar progress = new ProgressBar(log, tables.stream().mapToLong(t -> t.rows().size()).sum());
            connection.setAutoCommit(false);
            try {
                long rows = 0;
                for (Table table : tables) {
                    rows += insert(connection, table, progress);
                }
                connection.commit();
                log.info("seed: %,d rows in %d ms (users: %s)", rows, (System.nanoTime() - begin) / 1_000_000,
                        String.join(", ", SeedUsers.ALL.stream().map(u -> u.email() + " " + u.role()).toList()));
                return rows;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        }
    }

    private static boolean hasUsers(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("select exists (select 1 from users)")) {
            rows.next();
            return rows.getBoolean(1);
        }
    }

    private static long insert(Connection connection, Table table, ProgressBar progress) throws SQLException {
        String sql = "insert into " + table.name() + " (" + String.join(", ", table.columns()) + ") values ("
                + String.join(", ", Collections.nCopies(table.columns().size(), "?")) + ")";
        try (PreparedStatement insert = connection.prepareStatement(sql)) {
            int pending = 0;
            for (Object[] row : table.rows()) {
                for (int i = 0; i < row.length; i++) {
                    bind(connection, insert, i + 1, row[i]);
                }
                insert.addBatch();
                if (++pending == BATCH_ROWS) {
                    insert.executeBatch();
                    progress.advance(pending, table.name());
                    pending = 0;
                }
            }
            if (pending > 0) {
                insert.executeBatch();
                progress.advance(pending, table.name());
            }
        } catch (SQLException e) {
            throw new SQLException("seed - inserting into " + table.name() + " failed: " + e.getMessage(),
                    e.getSQLState(), e);
        }
        return table.rows().size();
    }

    private static void bind(Connection connection, PreparedStatement insert, int index, Object value) throws SQLException {
        if (value == null) {
            insert.setNull(index, Types.NULL);
        } else if (value instanceof Instant instant) {
            insert.setObject(index, OffsetDateTime.ofInstant(instant, ZoneOffset.UTC));
        } else if (value instanceof String[] texts) {
            Array array = connection.createArrayOf("text", texts);
            insert.setArray(index, array);
        } else {
            insert.setObject(index, value);
        }
    }
}
