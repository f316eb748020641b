package com.kin.load.data;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * One of the 200 seeded users. The id is derived from the e-mail (a name-based UUID of "kin-local-user:" + e-mail), so
 * a token signed with {@code ./kin token --email E --sub ID --role R --department D} names a user that exists. (The
 * local runtime's six demo users have fixed ids instead, those of the sample events: com.kin.local.seed.SeedUsers.)
 */
public record SeedUser(int number, UUID id, String email, String name, String role, String department) {

    public static UUID idForEmail(String email) {
        return UUID.nameUUIDFromBytes(("kin-local-user:" + email).getBytes(StandardCharsets.UTF_8));
    }

    /** The Twilio Client identity agents take calls with; inbound routing only picks agents that have one. */
    public String clientIdentity() {
        return role.equals("agent") ? "seed-user" + number : null;
    }
}
