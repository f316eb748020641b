package com.kin.bench.scale;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;

/**
 * Realistic request parameters read from the measured database: a real caller of each role (an agent, the manager of
 * the agent's department, an admin), and tags, names, words, contacts and phone numbers that exist in that agent's data,
 * so every filter and search matches rows as a user's would.
 */
record ScaleData(Person agent, Person manager, Person admin, String commonTag, String rareTag, String lastName,
                 String messageWord, UUID threadContact, UUID callContact, String callPhone) {

    /** A caller: user id, role and department (null for admins), as the JWT claims carry them. */
    record Person(UUID id, String role, String department) {
    }

    static ScaleData read(ScaleFunction.Target target) {
        try (Connection connection = DriverManager.getConnection(target.jdbcUrl(), target.user(), target.password())) {
            Person agent = person(connection, """
                    select u.id, u.role, u.department from users u where u.role = 'agent' and u.active
                     order by (select count(*) from conversations c where c.owner_id = u.id) desc, u.id limit 1""");
            Person manager = person(connection, "select id, role, department from users where role = 'manager'"
                    + " and active and department = '" + agent.department().replace("'", "''") + "' order by id limit 1");
            Person admin = person(connection, "select id, role, department from users where role = 'admin' and active"
                    + " order by id limit 1");
            String tagCounts = """
                    select t from (select unnest(tags) t from (select tags from contacts where owner_id = ? limit 5000) s) u
                     group by t order by count(*) %s, t limit 1""";
            return new ScaleData(agent, manager, admin,
                    text(connection, tagCounts.formatted("desc"), agent.id()),
                    text(connection, tagCounts.formatted("asc"), agent.id()),
                    text(connection, "select lower(last_name) from contacts where owner_id = ? and length(last_name) >= 4"
                            + " order by updated_at desc limit 1", agent.id()),
                    text(connection, """
                            select w from (select regexp_split_to_table(lower(body), '[^a-z]+') w
                                             from (select body from messages where user_id = ? order by created_at desc
                                                    limit 50) b) s
                             where length(w) >= 6 group by w order by count(*) desc, w limit 1""", agent.id()),
                    uuid(connection, "select contact_id from conversations where owner_id = ?"
                            + " order by last_message_at desc limit 1", agent.id()),
                    uuid(connection, "select contact_id from calls where user_id = ? and contact_id is not null"
                            + " order by created_at desc limit 1", agent.id()),
                    text(connection, "select case when direction = 'inbound' then from_number else to_number end"
                            + " from calls where user_id = ? order by created_at desc limit 1", agent.id()));
        } catch (SQLException e) {
            throw new IllegalStateException("scale bench - failed to read request parameters from " + target.jdbcUrl()
                    + " (is it seeded? ./kin seed --scale 10k|1m)", e);
        }
    }

    private static Person person(Connection connection, String sql) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql); ResultSet row = statement.executeQuery()) {
            if (!row.next()) {
                throw new IllegalStateException("scale bench - no row for: " + sql);
            }
            return new Person(row.getObject(1, UUID.class), row.getString(2), row.getString(3));
        }
    }

    private static String text(Connection connection, String sql, UUID param) throws SQLException {
        return one(connection, sql, param, row -> row.getString(1));
    }

    private static UUID uuid(Connection connection, String sql, UUID param) throws SQLException {
        return one(connection, sql, param, row -> row.getObject(1, UUID.class));
    }

    private interface Column<T> {
        T read(ResultSet row) throws SQLException;
    }

    private static <T> T one(Connection connection, String sql, UUID param, Column<T> column) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setObject(1, param);
            try (ResultSet row = statement.executeQuery()) {
                if (!row.next()) {
                    throw new IllegalStateException("scale bench - no row for: " + sql.strip().replaceAll("\\s+", " "));
                }
                return column.read(row);
            }
        }
    }
}
