package com.kin.data.calls;

import com.kin.data.voicemails.VoicemailRow;

/** A call and the voicemail left on it (null when there is none), each with what decides its visibility. */
public record CallDetailRow(CallRow call, VoicemailRow voicemail) {
}
