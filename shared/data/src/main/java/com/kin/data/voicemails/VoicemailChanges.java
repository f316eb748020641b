package com.kin.data.voicemails;

import com.kin.core.domain.VoicemailPriority;
import java.util.UUID;

/** What a voicemail update changes; a null field is left alone. {@code read} sets or clears {@code read_at}. */
public record VoicemailChanges(Boolean read, VoicemailPriority priority, UUID assignedToId) {

    public boolean isEmpty() {
        return read == null && priority == null && assignedToId == null;
    }
}
