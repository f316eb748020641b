package com.kin.templates;

import com.kin.testing.TestDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;

/** Template rows the tests insert and read back with plain JDBC, bypassing the code under test. */
final class TemplateRows {

    private final TestDatabase db;

    TemplateRows(TestDatabase db) {
        this.db = db;
    }

    void insert(UUID id, String name, String body, String... variables) {
        try (Connection c = db.dataSource().getConnection(); PreparedStatement s = c.prepareStatement(
                "insert into message_templates (id, name, body, variables) values (?, ?, ?, ?)")) {
            s.setObject(1, id);
            s.setString(2, name);
            s.setString(3, body);
            s.setArray(4, c.createArrayOf("text", variables));
            s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    int count() {
        return single("select count(*) from message_templates", null);
    }

    int versionOf(UUID id) {
        return single("select version from message_templates where id = ?", id);
    }

    private int single(String sql, UUID id) {
        try (Connection c = db.dataSource().getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            if (id != null) {
                s.setObject(1, id);
            }
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
