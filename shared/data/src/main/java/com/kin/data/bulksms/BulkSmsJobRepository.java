package com.kin.data.bulksms;

import com.kin.core.domain.BulkSmsCounts;
import com.kin.core.domain.BulkSmsJob;
import com.kin.core.identity.Caller;
import com.kin.data.Rows;
import com.kin.data.Sql;
import com.kin.data.Visibility;
import jakarta.inject.Singleton;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Bulk SMS jobs in Postgres: creating a job with all its recipients in one statement, reading its progress (counts
 * derived from the recipient rows in one statement), and completing it. A job is visible to whoever may see its
 * creator's records ({@link Visibility#owner} over {@code created_by}).
 */
@Singleton
public class BulkSmsJobRepository {

    /** The status a new recipient starts in, and the error code of one that cannot be sent at all. */
    private static final String INITIAL_STATUS = """
            case when c.sms_opt_out then 'skipped_opt_out'
                 when coalesce(c.mobile_phone, c.phone) is null then 'failed'
                 else 'queued' end,
            case when not c.sms_opt_out and coalesce(c.mobile_phone, c.phone) is null then 'no_phone_number' end""";

    private static final String PROGRESS = """
            select j.id, j.status, j.created_by, j.template_id, j.body, j.created_at, j.updated_at, j.completed_at,
                   count(r.contact_id) as total,
                   count(*) filter (where r.status = 'queued') as queued,
                   count(*) filter (where r.status = 'sending' and r.updated_at >= ?) as sending,
                   count(*) filter (where r.status = 'sent') as sent,
                   count(*) filter (where r.status = 'failed'
                                      and r.error_code is distinct from 'outcome_unknown') as failed,
                   count(*) filter (where (r.status = 'sending' and r.updated_at < ?)
                                       or (r.status = 'failed' and r.error_code = 'outcome_unknown')) as failed_unknown,
                   count(*) filter (where r.status = 'skipped_opt_out') as skipped_opt_out
              from bulk_sms_jobs j
              left join bulk_sms_recipients r on r.job_id = j.id
             where j.id = ? and {visible}
             group by j.id""";

    /** Inserts a job (in progress) and returns its id. {@code variablesJson} is a JSON object of strings. */
    public UUID insert(Sql sql, UUID createdBy, UUID templateId, String body, String variablesJson, Instant now) {
        return sql.queryOne("bulkSms.insertJob",
                "insert into bulk_sms_jobs (created_by, template_id, body, variables, created_at, updated_at) "
                        + "values (?, ?, ?, cast(? as jsonb), ?, ?) returning id",
                row -> Rows.uuid(row, "id"), createdBy, templateId, body, variablesJson, now, now).orElseThrow();
    }

    /**
     * Adds the named contacts the caller may see as recipients, in one INSERT ... SELECT; the ones it returns are the ones
     * taken, so a requested id missing from the result does not exist or is hidden from the caller.
     */
    public List<AddedRecipient> addContacts(Sql sql, Caller caller, UUID jobId, List<UUID> contactIds, Instant now) {
        Visibility.Fragment visible = Visibility.owner(caller, "c.owner_id");
        List<Object> params = new ArrayList<>(List.of(jobId, now, contactIds));
        params.addAll(visible.params());
        return sql.query("bulkSms.addContacts",
                "insert into bulk_sms_recipients as r (job_id, contact_id, updated_at, status, error_code) "
                        + "select ?, c.id, ?, " + INITIAL_STATUS + " from contacts c where c.id = any(?) and "
                        + visible.sql() + " returning r.contact_id, r.status",
                BulkSmsJobRepository::added, params.toArray());
    }

    /**
     * Adds up to {@code limit} contacts with {@code tag} that the caller may see, in one INSERT ... SELECT (served by the
     * GIN index on contacts.tags). A caller asks for one more than it accepts to learn that the tag matches too many.
     */
    public List<AddedRecipient> addTagged(Sql sql, Caller caller, UUID jobId, String tag, int limit, Instant now) {
        Visibility.Fragment visible = Visibility.owner(caller, "c.owner_id");
        List<Object> params = new ArrayList<>(List.of(jobId, now, List.of(tag)));
        params.addAll(visible.params());
        params.add(limit);
        return sql.query("bulkSms.addTagged",
                "insert into bulk_sms_recipients as r (job_id, contact_id, updated_at, status, error_code) "
                        + "select ?, c.id, ?, " + INITIAL_STATUS + " from contacts c where c.tags @> ? and "
                        + visible.sql() + " limit ? returning r.contact_id, r.status",
                BulkSmsJobRepository::added, params.toArray());
    }

    /**
     * Marks the job completed if no recipient is queued and none is being sent by a live worker (claimed at or after
     * {@code staleBefore}); a claim older than that is a worker that died, and it must not hold the job open forever.
     */
    public boolean completeIfSettled(Sql sql, UUID jobId, Instant staleBefore, Instant now) {
        return sql.update("bulkSms.completeIfSettled",
                "update bulk_sms_jobs j set status = 'completed', completed_at = ?, updated_at = ?, "
                        + "version = j.version + 1 where j.id = ? and j.status = 'in_progress' and not exists ("
                        + "select 1 from bulk_sms_recipients r where r.job_id = j.id "
                        + "and (r.status = 'queued' or (r.status = 'sending' and r.updated_at >= ?)))",
                now, now, jobId, staleBefore) == 1;
    }

    /**
     * The job with its counts, if the caller may see it. A recipient claimed before {@code staleBefore} and never settled
     * counts as failed-unknown rather than sending.
     */
    public Optional<BulkSmsJob> progress(Sql sql, Caller caller, UUID jobId, Instant staleBefore) {
        Visibility.Fragment visible = Visibility.owner(caller, "j.created_by");
        List<Object> params = new ArrayList<>(List.of(staleBefore, staleBefore, jobId));
        params.addAll(visible.params());
        return sql.queryOne("bulkSms.progress", PROGRESS.replace("{visible}", visible.sql()),
                BulkSmsJobRepository::job, params.toArray());
    }

    /** The job as the worker needs it, whoever created it (the worker acts for the job's creator). */
    public Optional<JobToSend> findForSending(Sql sql, UUID jobId) {
        return sql.queryOne("bulkSms.jobToSend",
                "select j.id, j.created_by, j.template_id, j.body, j.variables::text as variables "
                        + "from bulk_sms_jobs j where j.id = ?",
                row -> new JobToSend(Rows.uuid(row, "id"), Rows.uuid(row, "created_by"), Rows.uuid(row, "template_id"),
                        row.getString("body"), row.getString("variables")),
                jobId);
    }

    private static AddedRecipient added(ResultSet row) throws SQLException {
        return new AddedRecipient(Rows.uuid(row, "contact_id"), row.getString("status"));
    }

    private static BulkSmsJob job(ResultSet row) throws SQLException {
        BulkSmsCounts counts = new BulkSmsCounts(row.getInt("total"), row.getInt("queued"), row.getInt("sending"),
                row.getInt("sent"), row.getInt("failed"), row.getInt("failed_unknown"), row.getInt("skipped_opt_out"));
        return new BulkSmsJob(Rows.uuid(row, "id"), row.getString("status"), Rows.uuid(row, "created_by"),
                Rows.uuid(row, "template_id"), row.getString("body"), counts, Rows.instant(row, "created_at"),
                Rows.instant(row, "updated_at"), Rows.instant(row, "completed_at"));
    }
}
