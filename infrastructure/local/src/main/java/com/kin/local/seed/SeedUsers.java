package com.kin.local.seed;

import com.kin.local.auth.LocalUser;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/**
 * The users {@code --seed small} creates. Their ids are fixed: they are the {@code sub} claims of the sample events in
 * {@code events/} (shared/testing's SampleUsers), so that {@code ./kin invoke --event events/...} speaks for a seeded
 * user and {@code ./kin token} signs for one without a database. The README lists them.
 */
public final class SeedUsers {

    public static final List<LocalUser> ALL = List.of(
            user(1, "admin@kin.local", "Ada Admin", "admin", null),
            user(2, "manager@kin.local", "Max Manager", "manager", "sales"),
            user(3, "agent1@kin.local", "Alice Agent", "agent", "sales"),
            user(4, "agent2@kin.local", "Bob Agent", "agent", "support"),
            user(5, "agent3@kin.local", "Riley Rep", "agent", "sales"),
            user(6, "agent4@kin.local", "Jordan Helper", "agent", "support"));

    private SeedUsers() {
    }

    public static Optional<LocalUser> byEmail(String email) {
        String wanted = email.trim().toLowerCase(Locale.ROOT);
        return ALL.stream().filter(user -> user.email().equals(wanted)).findFirst();
    }

    public static List<LocalUser> agents() {
        return ALL.stream().filter(user -> user.role().equals("agent")).toList();
    }

    public static Optional<LocalUser> byId(UUID id) {
        return ALL.stream().filter(user -> user.id().equals(id)).findFirst();
    }

    /** Ids 00000000-0000-4000-8000-00000000000N: version 4, variant 1, as the sample events spell them. */
    private static LocalUser user(int number, String email, String name, String role, String department) {
        UUID id = UUID.fromString(String.format(Locale.ROOT, "00000000-0000-4000-8000-%012d", number));
        return new LocalUser(id, email, name, role, department);
    }
}
