package com.kin.bench.floor;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The work each API function's cold-start sample (see SampleEvents) makes, copied from its repository in shared/data
 * (or, for metrics, its source), so that the floor does the same database work as the function. A function not listed
 * here has no floor yet, and the cold start bench says so rather than comparing it with anything else.
 */
public final class FloorQueries {

    /** The function's short name (contacts for ContactsFunction) to the SQL of its by-id read; one UUID parameter. */
    private static final Map<String, String> BY_ID = Map.of(
            // ContactRepository.find
            "contacts", "select c.id, c.owner_id, c.first_name, c.last_name, c.organization, c.phone, c.mobile_phone, "
                    + "c.email, c.tags, c.sms_opt_out, c.sms_opt_out_at, c.notes, c.created_at, c.updated_at, c.version, "
                    + "u.department from contacts c join users u on u.id = c.owner_id where c.id = ?",
            // TemplateRepository.find
            "templates", "select t.id, t.name, t.body, t.variables, t.created_by, t.created_at, t.updated_at, t.version "
                    + "from message_templates t where t.id = ?",
            // CallRepository.DETAIL: the call, its user's department and its latest voicemail
            "calls", "select c.id, c.direction, c.status, c.from_number, c.to_number, c.user_id, c.contact_id, "
                    + "c.twilio_call_sid, c.started_at, c.answered_at, c.ended_at, c.duration_seconds, c.recording_url, "
                    + "c.department, c.created_at, c.updated_at, c.version, u.department as user_department, "
                    + "vm.id as vm_id, vm.call_id as vm_call_id, vm.contact_id as vm_contact_id, "
                    + "vm.assigned_to_id as vm_assigned_to_id, vm.department as vm_department, vm.priority as vm_priority, "
                    + "vm.from_number as vm_from_number, vm.read_at as vm_read_at, vm.recording_url as vm_recording_url, "
                    + "vm.transcription as vm_transcription, vm.duration_seconds as vm_duration_seconds, "
                    + "vm.created_at as vm_created_at, vm.updated_at as vm_updated_at, vm.version as vm_version, "
                    + "vu.department as vm_assignee_department from calls c left join users u on u.id = c.user_id "
                    + "left join lateral (select * from voicemails v where v.call_id = c.id "
                    + "order by v.created_at desc, v.id desc limit 1) vm on true "
                    + "left join users vu on vu.id = vm.assigned_to_id where c.id = ?",
            // VoicemailRepository.find
            "voicemails", "select v.id, v.call_id, v.contact_id, v.assigned_to_id, v.department, v.priority, "
                    + "v.from_number, v.read_at, v.recording_url, v.transcription, v.duration_seconds, v.created_at, "
                    + "v.updated_at, v.version, u.department as assignee_department "
                    + "from voicemails v left join users u on u.id = v.assigned_to_id where v.id = ?",
            // UserRepository.find
            "users", "select u.id, u.email, u.name, u.role, u.department, u.twilio_worker_sid, u.phone_number, "
                    + "u.client_identity, u.active, u.created_at, u.updated_at, u.version from users u where u.id = ?");

    /**
     * MessageRepository.find: the message if the caller may see it, by its user or its contact's owner (Visibility.message
     * for an agent, over V14's messages.contact_owner_id).
     */
    static final String MESSAGE_BY_ID = "select m.id, m.direction, m.status, m.body, m.from_number, m.to_number, "
            + "m.user_id, m.contact_id, m.template_id, m.bulk_job_id, m.twilio_message_sid, m.error_code, m.error_message, "
            + "m.sent_at, m.delivered_at, m.read_at, m.created_at, m.updated_at, m.version from messages m where m.id = ? "
            + "and (m.user_id = ? or m.contact_owner_id = ?)";

    /** BulkSmsJobRepository.PROGRESS with Visibility.owner over j.created_by for an agent. */
    static final String BULK_SMS_PROGRESS = """
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
             where j.id = ? and j.created_by = ?
             group by j.id""";

    private static final Map<String, FloorWork> WORK = work();

    private FloorQueries() {
    }

    /** What the floor of {@code function} does, if it has one. */
    public static Optional<FloorWork> of(String function) {
        return Optional.ofNullable(WORK.get(function));
    }

    public static Set<String> functions() {
        return new TreeSet<>(WORK.keySet());
    }

    private static Map<String, FloorWork> work() {
        Map<String, FloorWork> work = new HashMap<>();
        BY_ID.forEach((function, sql) -> work.put(function, SqlFloor.row(FloorStatement.byId(function, sql))));
        work.put("messages", SqlFloor.row(new FloorStatement("message", MESSAGE_BY_ID,
                List.of(FloorParam.pathId("id"), FloorParam.agentId(), FloorParam.agentId()))));
        work.put("bulk-sms", SqlFloor.row(new FloorStatement("job", BULK_SMS_PROGRESS, List.of(
                FloorParam.secondsAgo("BULK_SMS_SENDING_STALE_SECONDS"),
                FloorParam.secondsAgo("BULK_SMS_SENDING_STALE_SECONDS"), FloorParam.pathId("jobId"),
                FloorParam.agentId()))));
        work.put("search", SearchFloor.of());
        // DatabaseCheck's statement; the report's other parts (DynamoDB, SQS, Twilio) are not in the floor.
        work.put("health", SqlFloor.row(new FloorStatement("database", "select 1", List.of())));
        work.put("metrics", new MetricsFloor(MetricsFloorPlan.DISCOVERED));
        return Map.copyOf(work);
    }
}
