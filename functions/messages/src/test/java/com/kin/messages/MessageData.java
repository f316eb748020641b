package com.kin.messages;

import com.kin.testing.TestDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Rows the message tests insert and read back with plain JDBC, bypassing the code under test. */
final class MessageData {

    static final Instant T0 = Instant.parse("2026-01-01T10:00:00Z");

    private final TestDatabase db;

    MessageData(TestDatabase db) {
        this.db = db;
    }

    void contact(UUID id, UUID owner, String firstName) {
        execute("insert into contacts (id, owner_id, first_name, last_name, mobile_phone) values (?, ?, ?, 'Example', ?)",
                id, owner, firstName, "+1415555" + String.format("%04d", Math.abs(id.hashCode()) % 10_000));
    }

    /** A message at {@code T0 + minutes}; inbound ones are unread, outbound ones have no read time. */
    void message(UUID id, String direction, UUID user, UUID contact, int minutes) {
        execute("insert into messages (id, direction, status, body, from_number, to_number, user_id, contact_id, "
                        + "created_at, updated_at) values (?, ?, ?, ?, '+14155550100', '+14155550199', ?, ?, ?, ?)",
                id, direction, direction.equals("inbound") ? "received" : "delivered", "Message " + id, user, contact,
                at(minutes), at(minutes));
    }

    static Timestamp at(int minutes) {
        return Timestamp.from(T0.plusSeconds(60L * minutes));
    }

    int execute(String sql, Object... params) {
        try (Connection c = db.dataSource().getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                s.setObject(i + 1, params[i]);
            }
            return s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("test data - failed to run: " + sql, e);
        }
    }

    /** Each row of the query as an array of its column values. */
    List<Object[]> rows(String sql, Object... params) {
        try (Connection c = db.dataSource().getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                s.setObject(i + 1, params[i]);
            }
            List<Object[]> rows = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    Object[] row = new Object[rs.getMetaData().getColumnCount()];
                    for (int i = 0; i < row.length; i++) {
                        row[i] = rs.getObject(i + 1);
                    }
                    rows.add(row);
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException("test data - failed to run: " + sql, e);
        }
    }

    Object value(String sql, Object... params) {
        List<Object[]> rows = rows(sql, params);
        if (rows.size() != 1) {
            throw new IllegalStateException("expected one row but got " + rows.size() + " from: " + sql);
        }
        return rows.get(0)[0];
    }
}
