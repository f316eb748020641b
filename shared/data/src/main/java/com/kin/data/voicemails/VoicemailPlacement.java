package com.kin.data.voicemails;

import com.kin.data.Rows;
import io.micronaut.core.annotation.Nullable;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Objects;
import java.util.UUID;

/**
 * Where a voicemail sits, as a webhook write left it: who sees it ({@code Caller#canAccessWorkItem}: its assignee with
 * the assignee's department, its queue's department) and the call it was left on, whose detail embeds it. What a
 * writer needs for the cache tags it invalidates once its transaction committed.
 *
 * @param assigneeId the user it is assigned to, null while it waits in its department's unassigned queue
 * @param callId     the call it was left on, null when KIN has no record of that call
 */
public record VoicemailPlacement(UUID voicemailId, @Nullable UUID callId, @Nullable UUID assigneeId,
                                 @Nullable String assigneeDepartment, @Nullable String department) {

    /** The RETURNING clause of a write to {@code voicemails v}, read by {@link #read}. */
    static final String RETURNING = " returning v.id, v.call_id, v.assigned_to_id, "
            + "(select u.department from users u where u.id = v.assigned_to_id) as assignee_department, v.department";

    public VoicemailPlacement {
        Objects.requireNonNull(voicemailId, "voicemailId");
    }

    static VoicemailPlacement read(ResultSet row) throws SQLException {
        return new VoicemailPlacement(Rows.uuid(row, "id"), Rows.uuid(row, "call_id"), Rows.uuid(row, "assigned_to_id"),
                row.getString("assignee_department"), row.getString("department"));
    }
}
