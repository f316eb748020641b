package com.kin.local.seed;

import com.kin.local.auth.LocalUser;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/**
 * The users {@code --seed small} creates, with ids derived from their e-mail so that {@code ./kin token} can sign
 * for them without a database. The README lists them.
 */
public final class SeedUsers {

    public static final List<LocalUser> ALL = List.of(
            user("admin@kin.local", "Ada Admin", "admin", null),
            user("manager@kin.local", "Max Manager", "manager", "sales"),
            user("agent1@kin.local", "Alex Agent", "agent", "sales"),
            user("agent2@kin.local", "Sam Support", "agent", "support"),
            user("agent3@kin.local", "Riley Rep", "agent", "sales"),
            user("agent4@kin.local", "Jordan Helper", "agent", "support"));

    private SeedUsers() {
    }

    public static Optional<LocalUser> byEmail(String email) {
        String wanted = email.trim().toLowerCase(Locale.ROOT);
        return ALL.stream().filter(user -> user.email().equals(wanted)).findFirst();
    }

    public static List<LocalUser> agents() {
        return ALL.stream().filter(user -> user.role().equals("agent")).toList();
    }

    private static LocalUser user(String email, String name, String role, String department) {
        UUID id = UUID.nameUUIDFromBytes(("kin-local-user:" + email).getBytes(StandardCharsets.UTF_8));
        return new LocalUser(id, email, name, role, department);
    }
}
