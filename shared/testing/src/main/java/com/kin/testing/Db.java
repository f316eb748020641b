package com.kin.testing;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.sql.DataSource;

/** What a test reads back from, or sets up directly in, the database (parameters bound as {@link Jdbc} binds them). */
public final class Db {

    private final DataSource dataSource;

    public Db(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** The single row {@code sql} selects, column name to value; fails when there is not exactly one. */
    public Map<String, Object> row(String sql, Object... params) {
        try (Connection connection = dataSource.getConnection(); PreparedStatement statement = Jdbc.prepare(connection, sql, params);
             ResultSet rows = statement.executeQuery()) {
            if (!rows.next()) {
                throw new AssertionError("no row for: " + sql);
            }
            Map<String, Object> row = new LinkedHashMap<>();
            ResultSetMetaData meta = rows.getMetaData();
            for (int i = 1; i <= meta.getColumnCount(); i++) {
                row.put(meta.getColumnLabel(i), rows.getObject(i));
            }
            if (rows.next()) {
                throw new AssertionError("more than one row for: " + sql);
            }
            return row;
        } catch (SQLException e) {
            throw new IllegalStateException("test query failed: " + sql, e);
        }
    }

    public long count(String sql, Object... params) {
        return ((Number) row(sql, params).values().iterator().next()).longValue();
    }

    public void execute(String sql, Object... params) {
        try (Connection connection = dataSource.getConnection(); PreparedStatement statement = Jdbc.prepare(connection, sql, params)) {
            statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("test statement failed: " + sql, e);
        }
    }
}
