package com.kin.users;

import com.kin.testing.TestDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;

/** Users the tests insert and read back with plain JDBC, bypassing the code under test. */
final class UserData {

    /** The sample user of events/users/get.json, update.json and deactivate.json: an agent in sales. */
    static final UUID SAMPLE = UUID.fromString("25000000-0000-4000-8000-000000000001");

    private final TestDatabase db;

    UserData(TestDatabase db) {
        this.db = db;
    }

    void user(UUID id, String email, String role, String department, boolean active) {
        execute("insert into users (id, email, name, role, department, active) values (?, ?, ?, ?, ?, ?)",
                id, email, "User " + email, role, department, active);
    }

    int execute(String sql, Object... params) {
        try (Connection c = db.dataSource().getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            bind(s, params);
            return s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("test data - failed to run: " + sql, e);
        }
    }

    Object value(String sql, Object... params) {
        try (Connection c = db.dataSource().getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            bind(s, params);
            try (ResultSet rows = s.executeQuery()) {
                return rows.next() ? rows.getObject(1) : null;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("test data - failed to run: " + sql, e);
        }
    }

    long version(UUID id) {
        return (Long) value("select version from users where id = ?", id);
    }

    private static void bind(PreparedStatement s, Object[] params) throws SQLException {
        for (int i = 0; i < params.length; i++) {
            s.setObject(i + 1, params[i]);
        }
    }
}
