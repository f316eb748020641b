package com.kin.testing;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * Row locks held by another transaction, as a concurrent writer holds them while it works: the locking statement
 * ({@code select ... for update}) runs in a transaction left open until {@link #close()} rolls it back. A test uses it to
 * make the code under test wait for a lock past its statement timeout, a failure it cannot avoid by checking first.
 */
public final class HeldLock implements AutoCloseable {

    private final Connection connection;

    private HeldLock(Connection connection) {
        this.connection = connection;
    }

    /** Runs {@code lockingQuery} with {@code params} in a new transaction and keeps it open; fails if it locked no row. */
    public static HeldLock take(DataSource ds, String lockingQuery, Object... params) {
        Connection connection = null;
        try {
            connection = ds.getConnection();
            connection.setAutoCommit(false);
            if (!lockedAny(connection, lockingQuery, params)) {
                throw new IllegalStateException("test lock - no row to lock: " + lockingQuery);
            }
            return new HeldLock(connection);
        } catch (SQLException | RuntimeException e) {
            if (connection != null) {
                new HeldLock(connection).close();
            }
            throw e instanceof RuntimeException runtime ? runtime
                    : new IllegalStateException("test lock - failed to run: " + lockingQuery, e);
        }
    }

    private static boolean lockedAny(Connection connection, String lockingQuery, Object[] params) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(lockingQuery)) {
            for (int i = 0; i < params.length; i++) {
                statement.setObject(i + 1, params[i]);
            }
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next();
            }
        }
    }

    /** Releases the locks (rolls the holding transaction back). */
    @Override
    public void close() {
        try (connection) {
            connection.rollback();
        } catch (SQLException e) {
            throw new IllegalStateException("test lock - failed to release", e);
        }
    }
}
