package com.kin.data.voicemails;

import com.kin.core.domain.Voicemail;
import com.kin.core.identity.Caller;

/** A voicemail with its assignee's department, which with the voicemail's own department decides who may see it. */
public record VoicemailRow(Voicemail voicemail, String assigneeDepartment) {

    /** Whether {@code caller} may see and change this voicemail ({@link Caller#canAccessWorkItem}). */
    public boolean visibleTo(Caller caller) {
        return caller.canAccessWorkItem(voicemail.assignedToId(), assigneeDepartment, voicemail.department());
    }
}
