package com.kin.data.bulksms;

import com.kin.core.identity.MessagePlacement;
import com.kin.data.Rows;
import com.kin.data.Sql;
import com.kin.data.messages.MessagePlacements;
import com.kin.data.messages.PendingStatuses;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The recipient rows of bulk SMS jobs, as the worker moves them. Every change is a conditional UPDATE on the row's current
 * status, so two deliveries of the same queue message (SQS delivers at least once) can never both send to one contact:
 * only the one whose claim (queued to sending) matched a row calls Twilio.
 */
@Singleton
public class BulkSmsRecipientRepository {

    /**
     * The recipient sent and its messages row, in one statement. A status callback that overtook Twilio's answer and was
     * kept for the SID ({@link PendingStatuses}) is claimed only when the row is written, and merged into it forward
     * only: its status when further than Twilio's, its error and times.
     */
    private static final String RECORD_SENT = """
            with sent as (
                update bulk_sms_recipients r
                   set status = 'sent', message_id = ?, twilio_message_sid = ?, error_code = null, updated_at = ?
                 where r.job_id = ? and r.contact_id = ? and r.status = 'sending'
             returning r.job_id, r.contact_id),
            %s,
            given as (select ?::text as status),
            m as (
                insert into messages (id, direction, status, body, from_number, to_number, user_id, contact_id,
                                      twilio_message_sid, template_id, bulk_job_id, error_code, error_message, sent_at,
                                      delivered_at, created_at, updated_at)
                select ?, 'outbound', %s, ?, ?, ?, ?, sent.contact_id, ?, cast(? as uuid), sent.job_id,
                       p.error_code, p.error_message, coalesce(p.sent_at, ?), p.delivered_at, ?, ?
                  from sent cross join given g left join pending p on true
             returning *)
            """.formatted(PendingStatuses.claimIf("exists (select 1 from sent)"),
                    PendingStatuses.further("g.status", "p.status")) + MessagePlacements.OF_WRITTEN;

    /** The named recipients of a job with what sending needs from their contacts, in contact id order. */
    public List<SendTarget> targets(Sql sql, UUID jobId, List<UUID> contactIds) {
        return sql.query("bulkSms.targets",
                "select r.contact_id, r.status, coalesce(c.mobile_phone, c.phone) as phone, c.sms_opt_out, c.first_name, "
                        + "c.last_name, c.organization from bulk_sms_recipients r join contacts c on c.id = r.contact_id "
                        + "where r.job_id = ? and r.contact_id = any(?) order by r.contact_id",
                row -> new SendTarget(Rows.uuid(row, "contact_id"), row.getString("status"), row.getString("phone"),
                        row.getBoolean("sms_opt_out"), row.getString("first_name"), row.getString("last_name"),
                        row.getString("organization")),
                jobId, contactIds);
    }

    /** Takes a queued recipient for sending (queued to sending); false when it is not queued (any more). */
    public boolean claim(Sql sql, UUID jobId, UUID contactId, Instant now) {
        return sql.update("bulkSms.claim",
                "update bulk_sms_recipients set status = 'sending', attempts = attempts + 1, updated_at = ? "
                        + "where job_id = ? and contact_id = ? and status = 'queued'",
                now, jobId, contactId) == 1;
    }

    /**
     * Marks a claimed recipient sent and writes its messages row, merging a status callback kept for its SID, in one
     * statement that also returns where the message sits (for the cache tags the caller invalidates); empty when the
     * recipient was not claimed. Takes the SID's lock first ({@link PendingStatuses#lock}): call it in a transaction.
     */
    public Optional<MessagePlacement> recordSent(Sql sql, SentMessage sent) {
        PendingStatuses.lock(sql, sent.twilioMessageSid());
        return sql.queryOne("bulkSms.recordSent", RECORD_SENT, MessagePlacements::read,
                sent.messageId(), sent.twilioMessageSid(), sent.sentAt(), sent.jobId(), sent.contactId(),
                sent.twilioMessageSid(), sent.twilioStatus(),
                sent.messageId(), sent.body(), sent.fromNumber(), sent.toNumber(), sent.userId(),
                sent.twilioMessageSid(), sent.templateId(), sent.sentAt(), sent.sentAt(), sent.sentAt());
    }

    /** A claimed recipient that will not be sent (sending to failed), with the reason. */
    public boolean fail(Sql sql, UUID jobId, UUID contactId, String errorCode, Instant now) {
        return move(sql, "bulkSms.fail", jobId, contactId, RecipientStatus.SENDING, RecipientStatus.FAILED, errorCode,
                now);
    }

    /** Gives a claimed recipient back (sending to queued) after Twilio was unavailable, so a redelivery retries it. */
    public boolean release(Sql sql, UUID jobId, UUID contactId, String errorCode, Instant now) {
        return move(sql, "bulkSms.release", jobId, contactId, RecipientStatus.SENDING, RecipientStatus.QUEUED, errorCode,
                now);
    }

    /** Settles a recipient that is still queued without sending (opted out since, or its body cannot be sent). */
    public boolean settleQueued(Sql sql, UUID jobId, UUID contactId, String status, String errorCode, Instant now) {
        return move(sql, "bulkSms.settleQueued", jobId, contactId, RecipientStatus.QUEUED, status, errorCode, now);
    }

    private static boolean move(Sql sql, String name, UUID jobId, UUID contactId, String from, String to,
                                String errorCode, Instant now) {
        return sql.update(name, "update bulk_sms_recipients set status = ?, error_code = ?, updated_at = ? "
                + "where job_id = ? and contact_id = ? and status = ?", to, errorCode, now, jobId, contactId, from) == 1;
    }
}
