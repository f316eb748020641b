package com.kin.data;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** {@link Sql} on one borrowed connection; binds Java values to Postgres types. */
final class ConnectionSql implements Sql {

    private final Connection connection;
    private final int queryTimeoutSeconds;
    private final SqlMetrics metrics;

    ConnectionSql(Connection connection, int queryTimeoutSeconds, SqlMetrics metrics) {
        this.connection = connection;
        this.queryTimeoutSeconds = queryTimeoutSeconds;
        this.metrics = metrics;
    }

    @Override
    public <T> List<T> query(String name, String sql, RowMapper<T> mapper, Object... params) {
        long start = System.nanoTime();
        try (PreparedStatement statement = prepare(sql, params); ResultSet rows = statement.executeQuery()) {
            List<T> result = new ArrayList<>();
            while (rows.next()) {
                result.add(mapper.map(rows));
            }
            return result;
        } catch (SQLException e) {
            throw SqlErrors.translate(name, e);
        } finally {
            metrics.statementExecuted(name, System.nanoTime() - start);
        }
    }

    @Override
    public int update(String name, String sql, Object... params) {
        long start = System.nanoTime();
        try (PreparedStatement statement = prepare(sql, params)) {
            return statement.executeUpdate();
        } catch (SQLException e) {
            throw SqlErrors.translate(name, e);
        } finally {
            metrics.statementExecuted(name, System.nanoTime() - start);
        }
    }

    private PreparedStatement prepare(String sql, Object[] params) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        try {
            statement.setQueryTimeout(queryTimeoutSeconds);
            for (int i = 0; i < params.length; i++) {
                bind(statement, i + 1, params[i]);
            }
            return statement;
        } catch (SQLException | RuntimeException e) {
            statement.close();
            throw e;
        }
    }

    private void bind(PreparedStatement statement, int index, Object value) throws SQLException {
        if (value instanceof Instant instant) {
            statement.setObject(index, OffsetDateTime.ofInstant(instant, ZoneOffset.UTC));
        } else if (value instanceof Collection<?> values) {
            statement.setArray(index, connection.createArrayOf(arrayType(values), values.toArray()));
        } else {
            statement.setObject(index, value);
        }
    }

    private static String arrayType(Collection<?> values) {
        Object first = values.isEmpty() ? null : values.iterator().next();
        return first instanceof java.util.UUID ? "uuid" : "text";
    }
}
