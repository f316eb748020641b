package com.kin.load.data;

import java.util.ArrayList;
import java.util.List;

/**
 * The 200 users of a seed run: seed-user1..seed-user200@kin.local in ten departments (dept-0..dept-9) of twenty.
 * Users 1-2 are admins (no department, as admins see everything), 3-12 one manager per department, the rest agents.
 */
public final class SeedUsers {

    public static final String EMAIL_PATTERN = "seed-user%@kin.local";
    private static final int ADMINS = 2;
    private static final int MANAGERS = Scale.DEPARTMENTS;

    private final List<SeedUser> all;
    private final List<SeedUser> agents;

    public SeedUsers(long seed) {
        List<SeedUser> users = new ArrayList<>(Scale.USERS);
        for (int number = 1; number <= Scale.USERS; number++) {
            users.add(user(seed, number));
        }
        this.all = List.copyOf(users);
        this.agents = all.stream().filter(user -> user.role().equals("agent")).toList();
    }

    public List<SeedUser> all() {
        return all;
    }

    public List<SeedUser> agents() {
        return agents;
    }

    public static String department(int index) {
        return "dept-" + index;
    }

    private static SeedUser user(long seed, int number) {
        String role = number <= ADMINS ? "admin" : number <= ADMINS + MANAGERS ? "manager" : "agent";
        String department = role.equals("admin") ? null : department((number - 1) % Scale.DEPARTMENTS);
        RowRandom random = RowRandom.of(seed, TableIds.USERS, number);
        String name = random.pick(Words.FIRST_NAMES) + " " + random.pick(Words.LAST_NAMES);
        String email = "seed-user" + number + "@kin.local";
        return new SeedUser(number, SeedUser.idForEmail(email), email, name, role, department);
    }
}
