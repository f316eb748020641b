package com.kin.bench.floor;

import java.util.Map;
import java.util.Optional;

/**
 * The read each API function's cold-start sample ({@code events/<function>/get.json}) makes, copied from its repository
 * in shared/data, so that the floor does the same database work as the function. A function not listed here has no
 * floor yet, and the cold start bench says so rather than comparing it with anything else.
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

    private FloorQueries() {
    }

    public static Optional<String> byId(String function) {
        return Optional.ofNullable(BY_ID.get(function));
    }

    public static java.util.Set<String> functions() {
        return new java.util.TreeSet<>(BY_ID.keySet());
    }
}
