package com.kin.testing;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * The users the sample events in {@code events/} speak for (their {@code sub} claims), also seeded by the local runtime:
 * an admin, a sales manager, and two agents in two departments.
 */
public final class SampleUsers {

    public static final UUID ADMIN = UUID.fromString("00000000-0000-4000-8000-000000000001");
    public static final UUID MANAGER = UUID.fromString("00000000-0000-4000-8000-000000000002");
    public static final UUID AGENT1 = UUID.fromString("00000000-0000-4000-8000-000000000003");
    public static final UUID AGENT2 = UUID.fromString("00000000-0000-4000-8000-000000000004");

    private SampleUsers() {
    }

    /** Inserts the four users (the tables must not hold them yet). */
    public static void insert(DataSource ds) {
        String sql = "insert into users (id, email, name, role, department, client_identity) values (?, ?, ?, ?, ?, ?)";
        try (Connection c = ds.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            add(s, ADMIN, "admin@kin.local", "Ada Admin", "admin", null);
            add(s, MANAGER, "manager@kin.local", "Max Manager", "manager", "sales");
            add(s, AGENT1, "agent1@kin.local", "Alice Agent", "agent", "sales");
            add(s, AGENT2, "agent2@kin.local", "Bob Agent", "agent", "support");
            s.executeBatch();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot insert the sample users", e);
        }
    }

    private static void add(PreparedStatement s, UUID id, String email, String name, String role, String dept)
            throws SQLException {
        s.setObject(1, id);
        s.setString(2, email);
        s.setString(3, name);
        s.setString(4, role);
        s.setString(5, dept);
        s.setString(6, email.substring(0, email.indexOf('@')));
        s.addBatch();
    }
}
