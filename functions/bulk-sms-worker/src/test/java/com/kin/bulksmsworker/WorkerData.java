package com.kin.bulksmsworker;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;

/** Rows the worker tests set up and read back, with plain JDBC (parameters bound, never spliced). */
final class WorkerData {

    private final DataSource ds;

    WorkerData(DataSource ds) {
        this.ds = ds;
    }

    void contact(UUID id, UUID owner, String firstName, String mobilePhone) {
        execute("insert into contacts (id, owner_id, first_name, last_name, mobile_phone) values (?, ?, ?, 'Example', ?)",
                id, owner, firstName, mobilePhone);
    }

    int execute(String sql, Object... params) {
        try (Connection c = ds.getConnection(); PreparedStatement s = prepare(c, sql, params)) {
            return s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("failed: " + sql, e);
        }
    }

    Object value(String sql, Object... params) {
        List<Object> values = column(sql, params);
        return values.isEmpty() ? null : values.get(0);
    }

    List<Object> column(String sql, Object... params) {
        try (Connection c = ds.getConnection(); PreparedStatement s = prepare(c, sql, params);
             ResultSet rows = s.executeQuery()) {
            List<Object> values = new ArrayList<>();
            while (rows.next()) {
                values.add(rows.getObject(1));
            }
            return values;
        } catch (SQLException e) {
            throw new IllegalStateException("failed: " + sql, e);
        }
    }

    private static PreparedStatement prepare(Connection c, String sql, Object... params) throws SQLException {
        PreparedStatement statement = c.prepareStatement(sql);
        for (int i = 0; i < params.length; i++) {
            statement.setObject(i + 1, params[i]);
        }
        return statement;
    }
}
