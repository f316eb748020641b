package com.kin.bulksms;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;

/** Rows the bulk SMS tests need, inserted and read with plain JDBC (parameters bound, never spliced). */
final class BulkSmsData {

    private final DataSource ds;

    BulkSmsData(DataSource ds) {
        this.ds = ds;
    }

    void contact(UUID id, UUID owner, String firstName, String mobilePhone, boolean optedOut, String... tags) {
        execute("insert into contacts (id, owner_id, first_name, last_name, mobile_phone, sms_opt_out, tags) "
                + "values (?, ?, ?, 'Example', ?, ?, ?)", id, owner, firstName, mobilePhone, optedOut, tags);
    }

    void template(UUID id, String name, String body, String... variables) {
        execute("insert into message_templates (id, name, body, variables) values (?, ?, ?, ?)", id, name, body,
                variables);
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
            Object param = params[i];
            statement.setObject(i + 1, param instanceof String[] texts ? c.createArrayOf("text", texts) : param);
        }
        return statement;
    }
}
