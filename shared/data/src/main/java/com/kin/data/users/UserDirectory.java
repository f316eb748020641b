package com.kin.data.users;

import com.kin.core.identity.Role;
import com.kin.data.Sql;
import jakarta.inject.Singleton;
import java.util.Optional;
import java.util.UUID;

/** Looks users up by id for ownership checks (assigning a contact or voicemail to someone). */
@Singleton
public class UserDirectory {

    public Optional<UserRef> find(Sql sql, UUID id) {
        return sql.queryOne("users.ref", "select id, role, department, active from users where id = ?",
                row -> new UserRef(row.getObject("id", UUID.class),
                        Role.fromClaim(row.getString("role")).orElseThrow(),
                        row.getString("department"), row.getBoolean("active")),
                id);
    }
}
