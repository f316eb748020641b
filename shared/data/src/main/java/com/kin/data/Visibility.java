package com.kin.data;

import com.kin.core.identity.Caller;
import java.util.List;

/**
 * The SQL form of {@link Caller#canAccess}: a predicate on an owner column that keeps exactly the rows the caller may see.
 * Every repository filters through here, so the rules are written once.
 */
public final class Visibility {

    private Visibility() {
    }

    /** A predicate over {@code ownerColumn} (a users.id reference) with its parameters. */
    public static Fragment owner(Caller caller, String ownerColumn) {
        return switch (caller.role()) {
            case ADMIN -> new Fragment("true", List.of());
            case MANAGER -> caller.department() == null
                    ? new Fragment(ownerColumn + " = ?", List.of(caller.userId()))
                    : new Fragment("(" + ownerColumn + " = ? or " + ownerColumn
                            + " in (select u.id from users u where u.department = ?))",
                            List.of(caller.userId(), caller.department()));
            case AGENT -> new Fragment(ownerColumn + " = ?", List.of(caller.userId()));
        };
    }

    /** A piece of a WHERE clause and the values of its placeholders, in order. */
    public record Fragment(String sql, List<Object> params) {
    }
}
