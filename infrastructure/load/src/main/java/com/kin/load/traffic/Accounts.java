package com.kin.load.traffic;

import com.kin.local.auth.LocalUser;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The users the virtual users sign in as, read from the runtime's database (the demo users of {@code --seed small}, the
 * 200 of {@code ./kin seed}, or any other), and our Twilio numbers that inbound traffic dials.
 *
 * <p>Virtual users get roles in the proportions of a contact centre, agents 80%, managers 15%, admins 5% (as far as
 * the database has them), interleaved by smooth weighted round robin (three virtual users are two agents and a
 * manager; the ninth is the first admin); within a role, users are taken in e-mail order and reused when there are
 * more virtual users than users.
 */
public final class Accounts {

    static final Map<String, Integer> ROLE_WEIGHTS = Map.of("agent", 80, "manager", 15, "admin", 5);

    private Accounts() {
    }

    public static List<LocalUser> read(Connection connection) throws SQLException {
        List<LocalUser> users = new ArrayList<>();
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(
                "select id, email, name, role, department from users where active order by email")) {
            while (rows.next()) {
                users.add(new LocalUser(UUID.fromString(rows.getString("id")), rows.getString("email"),
                        rows.getString("name"), rows.getString("role"), rows.getString("department")));
            }
        }
        return users;
    }

    public static List<String> ourNumbers(Connection connection) throws SQLException {
        List<String> numbers = new ArrayList<>();
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("select number from phone_numbers order by number")) {
            while (rows.next()) {
                numbers.add(rows.getString(1));
            }
        }
        return numbers;
    }

    /** The user each of {@code count} virtual users signs in as. */
    public static List<LocalUser> assign(List<LocalUser> users, int count) {
        Map<String, List<LocalUser>> byRole = new LinkedHashMap<>();
        for (String role : List.of("agent", "manager", "admin")) {
            List<LocalUser> ofRole = users.stream().filter(user -> user.role().equals(role)).toList();
            if (!ofRole.isEmpty()) {
                byRole.put(role, ofRole);
            }
        }
        if (byRole.isEmpty()) {
            throw new IllegalStateException("accounts - the database has no active agent, manager or admin: seed it"
                    + " (./kin run --seed small, or ./kin seed --scale 10k)");
        }
        Map<String, Integer> current = new LinkedHashMap<>();
        Map<String, Integer> taken = new LinkedHashMap<>();
        int total = byRole.keySet().stream().mapToInt(ROLE_WEIGHTS::get).sum();
        List<LocalUser> assigned = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String chosen = null;
            for (String role : byRole.keySet()) {
                int value = current.merge(role, ROLE_WEIGHTS.get(role), Integer::sum);
                if (chosen == null || value > current.get(chosen)) {
                    chosen = role;
                }
            }
            current.merge(chosen, -total, Integer::sum);
            List<LocalUser> ofRole = byRole.get(chosen);
            int next = taken.merge(chosen, 1, Integer::sum) - 1;
            assigned.add(ofRole.get(next % ofRole.size()));
        }
        return assigned;
    }
}
