package com.kin.data.voicemails;

import com.kin.data.Sql;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.Optional;

/**
 * The writes Twilio's recording and transcription callbacks make to voicemails: one voicemail per RecordingSid, one
 * transcription per voicemail (the first TranscriptionSid wins), whichever callback arrives first, each safe to repeat.
 * A write that changed a voicemail returns its {@link VoicemailPlacement} in the same statement.
 */
@Singleton
public class VoicemailWebhookRepository {

    /**
     * Creates the voicemail, or completes the one the other callback created: the duration and the transcription are
     * each filled once, so a duplicate callback matches nothing and changes nothing.
     */
    private static final String RECORD = "insert into voicemails as v (call_id, contact_id, assigned_to_id, department, "
            + "priority, from_number, recording_sid, recording_url, duration_seconds, transcription_sid, transcription, "
            + "created_at, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
            + "on conflict (recording_sid) do update set "
            + "duration_seconds = coalesce(v.duration_seconds, excluded.duration_seconds), "
            + "transcription_sid = coalesce(v.transcription_sid, excluded.transcription_sid), "
            + "transcription = case when v.transcription_sid is null then excluded.transcription else v.transcription end, "
            + "version = v.version + 1, updated_at = excluded.updated_at "
            + "where (v.duration_seconds is null and excluded.duration_seconds is not null) "
            + "or (v.transcription_sid is null and excluded.transcription_sid is not null)"
            + VoicemailPlacement.RETURNING;

    /**
     * Creates or completes the voicemail of {@code voicemail.recordingSid()}; returns where it sits now, or empty when
     * nothing changed.
     */
    public Optional<VoicemailPlacement> record(Sql sql, NewVoicemail voicemail, Instant now) {
        return sql.queryOne("voicemails.webhook.record", RECORD, VoicemailPlacement::read, voicemail.callId(),
                voicemail.contactId(), voicemail.assignedToId(), voicemail.department(), voicemail.priority().wireName(),
                voicemail.fromNumber(), voicemail.recordingSid(), voicemail.recordingUrl(),
                voicemail.durationSeconds(), voicemail.transcriptionSid(), voicemail.transcription(), now, now);
    }

    /**
     * Attaches a transcription to the voicemail of {@code recordingSid} if it has none yet, and returns where that
     * voicemail sits. Empty when there is no such voicemail yet, or it already has a transcription (a duplicate callback).
     */
    public Optional<VoicemailPlacement> attachTranscription(Sql sql, String recordingSid, String transcriptionSid,
                                                            String text, Instant now) {
        return sql.queryOne("voicemails.webhook.transcription", "update voicemails v set transcription_sid = ?, "
                        + "transcription = ?, version = v.version + 1, updated_at = ? "
                        + "where v.recording_sid = ? and v.transcription_sid is null" + VoicemailPlacement.RETURNING,
                VoicemailPlacement::read, transcriptionSid, text, now, recordingSid);
    }
}
