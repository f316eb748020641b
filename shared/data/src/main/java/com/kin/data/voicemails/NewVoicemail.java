package com.kin.data.voicemails;

import com.kin.core.domain.VoicemailPriority;
import io.micronaut.core.annotation.Nullable;
import java.util.Objects;
import java.util.UUID;

/**
 * A voicemail as Twilio's recording or transcription callback reports it, routed by the routing rule. Either callback
 * may arrive first, so the duration (recording callback) and the transcription (transcription callback) are optional.
 */
public record NewVoicemail(@Nullable UUID callId, @Nullable UUID contactId, @Nullable UUID assignedToId,
                           @Nullable String department, VoicemailPriority priority, String fromNumber,
                           String recordingSid, String recordingUrl, @Nullable Integer durationSeconds,
                           @Nullable String transcriptionSid, @Nullable String transcription) {

    public NewVoicemail {
        Objects.requireNonNull(priority, "priority");
        Objects.requireNonNull(fromNumber, "fromNumber");
        Objects.requireNonNull(recordingSid, "recordingSid");
        Objects.requireNonNull(recordingUrl, "recordingUrl");
    }
}
