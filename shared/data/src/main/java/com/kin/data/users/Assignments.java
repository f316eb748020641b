package com.kin.data.users;

import com.kin.core.error.BadRequestError;
import com.kin.core.error.ForbiddenError;
import com.kin.core.identity.Caller;
import com.kin.data.Sql;
import jakarta.inject.Singleton;
import java.util.UUID;

/**
 * Who may hand a record to whom: an agent keeps its records, a manager assigns within its department, an admin to any
 * active user. Contacts, voicemails and calls all assign through here.
 */
@Singleton
public class Assignments {

    private final UserDirectory users;

    public Assignments(UserDirectory users) {
        this.users = users;
    }

    /** The user {@code assigneeId} names, if {@code caller} may assign records to them; otherwise 400 or 403. */
    public UserRef requireAssignable(Sql sql, Caller caller, UUID assigneeId, String field) {
        if (caller.userId().equals(assigneeId)) {
            return users.find(sql, assigneeId)
                    .orElseThrow(() -> BadRequestError.field(field, "user " + assigneeId + " does not exist"));
        }
        if (caller.role() == com.kin.core.identity.Role.AGENT) {
            throw new ForbiddenError("an agent may not assign records to another user");
        }
        UserRef assignee = users.find(sql, assigneeId)
                .filter(user -> caller.canAccess(user.id(), user.department()))
                .orElseThrow(() -> BadRequestError.field(field, "user " + assigneeId + " does not exist"));
        if (!assignee.active()) {
            throw BadRequestError.field(field, "user " + assigneeId + " is deactivated");
        }
        return assignee;
    }
}
