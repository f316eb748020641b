package com.kin.data.voicemails;

import com.kin.core.domain.VoicemailPriority;
import java.time.Instant;

/**
 * What a voicemail list is narrowed to: a queue view, read state ({@code unread} true: unread only, false: read only,
 * null: both), one priority, and a creation time range ({@code from} inclusive, {@code to} exclusive). Only the queue is
 * required.
 */
public record VoicemailFilter(VoicemailQueue queue, Boolean unread, VoicemailPriority priority, Instant from, Instant to) {
}
