package com.kin.data.voicemails;

import com.kin.core.error.BadRequestError;
import com.kin.core.error.ForbiddenError;
import com.kin.core.identity.Caller;
import com.kin.core.identity.Role;

/**
 * The views of the voicemail queue, each narrowing what the caller may see anyway ({@code Visibility.workItem}):
 * assigned to me, queued for my department, unassigned, or everything (managers and admins). Without a choice an agent
 * gets its own voicemails and a manager or admin everything it may see.
 */
public enum VoicemailQueue {
    MINE("mine"), DEPARTMENT("department"), UNASSIGNED("unassigned"), ALL("all");

    private final String wireName;

    VoicemailQueue(String wireName) {
        this.wireName = wireName;
    }

    /** The queue a {@code queue} query parameter names, checked against what {@code caller} may ask for; 400 or 403. */
    public static VoicemailQueue parse(String value, Caller caller) {
        VoicemailQueue queue = value == null || value.isBlank() ? defaultFor(caller) : named(value);
        if (queue == ALL && caller.role() == Role.AGENT) {
            throw new ForbiddenError("voicemails - queue 'all' is for managers and admins; use mine, department or unassigned");
        }
        if (queue == DEPARTMENT && caller.department() == null) {
            throw BadRequestError.field("queue", "'department' needs a caller with a department, and you have none");
        }
        return queue;
    }

    private static VoicemailQueue defaultFor(Caller caller) {
        return caller.role() == Role.AGENT ? MINE : ALL;
    }

    private static VoicemailQueue named(String value) {
        for (VoicemailQueue queue : values()) {
            if (queue.wireName.equals(value)) {
                return queue;
            }
        }
        throw BadRequestError.field("queue", "unknown queue '" + value + "': use mine, department, unassigned or all");
    }

    public String wireName() {
        return wireName;
    }
}
