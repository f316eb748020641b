package com.kin.testing;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** Small JDBC reads and writes for the tests of this module. */
final class Sql {

    private Sql() {
    }

    /** The first column of every row, read as {@code type}. */
    static <T> List<T> column(DataSource ds, Class<T> type, String sql, Object... params) {
        try (Connection connection = ds.getConnection();
             PreparedStatement statement = Jdbc.prepare(connection, sql, params);
             ResultSet rows = statement.executeQuery()) {
            List<T> values = new ArrayList<>();
            while (rows.next()) {
                values.add(rows.getObject(1, type));
            }
            return values;
        } catch (SQLException e) {
            throw new IllegalStateException("test query failed: " + sql, e);
        }
    }

    /** The single value of a one-row, one-column query. */
    static <T> T value(DataSource ds, Class<T> type, String sql, Object... params) {
        List<T> values = column(ds, type, sql, params);
        if (values.size() != 1) {
            throw new IllegalStateException("expected one row but got " + values.size() + " from: " + sql);
        }
        return values.get(0);
    }

    /** Runs a statement and returns the update count; SQLExceptions propagate so tests can inspect them. */
    static int update(DataSource ds, String sql, Object... params) throws SQLException {
        try (Connection connection = ds.getConnection();
             PreparedStatement statement = Jdbc.prepare(connection, sql, params)) {
            return statement.executeUpdate();
        }
    }
}
