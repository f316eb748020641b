package com.kin.data.bulksms;

import java.time.Instant;
import java.util.UUID;

/**
 * An SMS of a bulk job that Twilio accepted, to be recorded: the recipient becomes sent and a messages row is written
 * (outbound, from the job's creator to the contact, with Twilio's SID and first status).
 */
public record SentMessage(UUID jobId, UUID contactId, UUID messageId, UUID userId, UUID templateId, String body,
                          String fromNumber, String toNumber, String twilioMessageSid, String twilioStatus,
                          Instant sentAt) {
}
