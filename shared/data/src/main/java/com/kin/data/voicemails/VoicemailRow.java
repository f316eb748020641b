package com.kin.data.voicemails;

import com.kin.core.domain.Voicemail;
import com.kin.core.identity.Caller;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/**
 * A voicemail with its assignee's department, which with the voicemail's own department decides who may see it. Serdeable
 * so it can be cached as it is read and checked against each caller after the read.
 */
@Serdeable
public record VoicemailRow(Voicemail voicemail, @Nullable String assigneeDepartment) {

    /** Whether {@code caller} may see and change this voicemail ({@link Caller#canAccessWorkItem}). */
    public boolean visibleTo(Caller caller) {
        return caller.canAccessWorkItem(voicemail.assignedToId(), assigneeDepartment, voicemail.department());
    }
}
