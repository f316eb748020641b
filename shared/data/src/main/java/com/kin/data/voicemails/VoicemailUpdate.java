package com.kin.data.voicemails;

import io.micronaut.core.annotation.Nullable;
import java.util.UUID;

/**
 * A voicemail as an update left it, and whom it was assigned to just before (with that user's department): an assignment
 * moves a voicemail out of the lists of its previous assignee, so whoever caches those lists needs both.
 */
public record VoicemailUpdate(VoicemailRow row, @Nullable UUID previousAssigneeId,
                              @Nullable String previousAssigneeDepartment) {
}
