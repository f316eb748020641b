package com.kin.data;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import javax.sql.DataSource;

/** The pool as {@link Sql}: each statement borrows a connection; {@link #transaction} holds one for a unit of work. */
public final class Database implements Sql {

    private final DataSource dataSource;
    private final int queryTimeoutSeconds;
    private final SqlMetrics metrics;

    public Database(DataSource dataSource, int queryTimeoutSeconds, SqlMetrics metrics) {
        this.dataSource = dataSource;
        this.queryTimeoutSeconds = queryTimeoutSeconds;
        this.metrics = metrics;
    }

    @Override
    public <T> List<T> query(String name, String sql, RowMapper<T> mapper, Object... params) {
        try (Connection connection = connect(name)) {
            return statements(connection).query(name, sql, mapper, params);
        } catch (SQLException e) {
            throw SqlErrors.translate(name, e);
        }
    }

    @Override
    public int update(String name, String sql, Object... params) {
        try (Connection connection = connect(name)) {
            return statements(connection).update(name, sql, params);
        } catch (SQLException e) {
            throw SqlErrors.translate(name, e);
        }
    }

    /** Runs {@code work} in one transaction: committed when it returns, rolled back when it throws. */
    public <T> T transaction(String name, TransactionWork<T> work) {
        try (Connection connection = connect(name)) {
            connection.setAutoCommit(false);
            try {
                T result = work.run(statements(connection));
                connection.commit();
                return result;
            } catch (RuntimeException | Error e) {
                rollbackQuietly(connection, e);
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw SqlErrors.translate(name, e);
        }
    }

    private Connection connect(String name) throws SQLException {
        long start = System.nanoTime();
        Connection connection = dataSource.getConnection();
        metrics.connectionAcquired(System.nanoTime() - start);
        return connection;
    }

    private ConnectionSql statements(Connection connection) {
        return new ConnectionSql(connection, queryTimeoutSeconds, metrics);
    }

    private static void rollbackQuietly(Connection connection, Throwable failure) {
        try {
            connection.rollback();
        } catch (SQLException rollbackFailure) {
            failure.addSuppressed(rollbackFailure);
        }
    }

    /** A unit of work inside {@link #transaction}. */
    @FunctionalInterface
    public interface TransactionWork<T> {
        T run(Sql sql);
    }
}
