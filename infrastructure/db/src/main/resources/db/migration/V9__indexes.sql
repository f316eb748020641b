-- Secondary indexes. Each one serves a named query (its COMMENT says which; read it back with \di+).
-- The performance guide's indexes are all here, by leading columns. Where a list pages with a keyset
-- (ORDER BY <timestamp>, id), the guide index gets id appended instead of a second, near-identical index.
-- Indexes already created with their tables and not repeated here:
--   users_email_lower_key (lower(email))     sign-in and user lookup by e-mail           guide: users(email)
--   users_twilio_worker_sid_key              TaskRouter worker events -> user             guide: users(twilio_worker_sid)
--   users_client_identity_key                Twilio Client calls ("client:<identity>") -> user
--   calls_twilio_call_sid_key, calls_recording_sid_key, messages_twilio_message_sid_key,
--   voicemails_recording_sid_key, voicemails_transcription_sid_key   Twilio callbacks -> row
--   message_templates_name_key               template lookup by name; phone_numbers_pkey  inbound routing by number

-- users ---------------------------------------------------------------------------------------------------
create index idx_users_role_department on users (role, department);
comment on index idx_users_role_department is
    'Users by role, optionally within a department: assignable agents of a department, managers to notify. Guide: users(role), users(role, department).';

create index idx_users_department on users (department);
comment on index idx_users_department is
    'Members of a department (manager team view, voicemail assignment). Guide: users(department).';

create index idx_users_created_at_id on users (created_at, id);
comment on index idx_users_created_at_id is
    'Admin user list ORDER BY created_at, id with keyset paging. Guide: users(created_at).';

create index idx_users_updated_at_id on users (updated_at, id);
comment on index idx_users_updated_at_id is
    'Users changed since a point in time (cache refresh), ORDER BY updated_at, id. Guide: users(updated_at).';

-- contacts ------------------------------------------------------------------------------------------------
create index idx_contacts_owner_id_updated_at_id on contacts (owner_id, updated_at, id);
comment on index idx_contacts_owner_id_updated_at_id is
    'An agent''s contacts: WHERE owner_id = ? ORDER BY updated_at DESC, id DESC with keyset paging. Guide: contacts(owner_id).';

create index idx_contacts_updated_at_id on contacts (updated_at, id);
comment on index idx_contacts_updated_at_id is
    'All contacts (manager/admin) ORDER BY updated_at DESC, id DESC with keyset paging. Guide: contacts(updated_at).';

create index idx_contacts_created_at_id on contacts (created_at, id);
comment on index idx_contacts_created_at_id is
    'Contacts ORDER BY created_at DESC, id DESC (newest contacts, import review). Guide: contacts(created_at).';

create index idx_contacts_first_name_last_name_id on contacts (first_name, last_name, id);
comment on index idx_contacts_first_name_last_name_id is
    'Alphabetical contact list ORDER BY first_name, last_name, id. Guide: contacts(first_name, last_name).';

create index idx_contacts_organization on contacts (organization);
comment on index idx_contacts_organization is
    'Contacts of one organization (WHERE organization = ?). Guide: contacts(organization).';

create index idx_contacts_tags on contacts using gin (tags);
comment on index idx_contacts_tags is
    'Contacts by tag: WHERE tags @> ARRAY[?] (filters, bulk SMS audiences). Guide: GIN on contacts(tags).';

create index idx_contacts_search_text_trgm on contacts using gin (search_text gin_trgm_ops);
comment on index idx_contacts_search_text_trgm is
    'Contact search box: WHERE search_text ILIKE ''%term%'' or search_text % ? (similarity).';

create index idx_contacts_phone on contacts (phone);
comment on index idx_contacts_phone is
    'Inbound caller / SMS sender lookup: WHERE phone = ? OR mobile_phone = ? (BitmapOr with idx_contacts_mobile_phone).';

create index idx_contacts_mobile_phone on contacts (mobile_phone);
comment on index idx_contacts_mobile_phone is
    'Inbound caller / SMS sender lookup: WHERE phone = ? OR mobile_phone = ? (BitmapOr with idx_contacts_phone).';

-- calls ---------------------------------------------------------------------------------------------------
create index idx_calls_direction_created_at_id on calls (direction, created_at, id);
comment on index idx_calls_direction_created_at_id is
    'Call log filtered by direction: WHERE direction = ? ORDER BY created_at DESC, id DESC. Guide: calls(direction).';

create index idx_calls_status on calls (status);
comment on index idx_calls_status is
    'Calls in a given status, e.g. live calls WHERE status IN (''ringing'', ''in-progress''). Guide: calls(status).';

create index idx_calls_started_at on calls (started_at);
comment on index idx_calls_started_at is
    'Call reports over a time range: WHERE started_at >= ? AND started_at < ?. Guide: calls(started_at).';

create index idx_calls_ended_at on calls (ended_at);
comment on index idx_calls_ended_at is
    'Calls finished in a time range (metrics, recordings sweep): WHERE ended_at >= ?. Guide: calls(ended_at).';

create index idx_calls_created_at_id on calls (created_at, id);
comment on index idx_calls_created_at_id is
    'All calls (admin) ORDER BY created_at DESC, id DESC with keyset paging. Guide: calls(created_at).';

create index idx_calls_user_id_status on calls (user_id, status);
comment on index idx_calls_user_id_status is
    'An agent''s calls in a status (is the agent on a call? WHERE user_id = ? AND status = ?). Guide: calls(user_id, status).';

create index idx_calls_contact_id_status on calls (contact_id, status);
comment on index idx_calls_contact_id_status is
    'A contact''s calls in a status; also serves ON DELETE SET NULL from contacts. Guide: calls(contact_id, status).';

create index idx_calls_from_number_to_number on calls (from_number, to_number);
comment on index idx_calls_from_number_to_number is
    'Calls between two numbers / from a caller (repeat-caller check). Guide: calls(from_number, to_number).';

create index idx_calls_user_id_created_at_id on calls (user_id, created_at, id);
comment on index idx_calls_user_id_created_at_id is
    'An agent''s call history: WHERE user_id = ? ORDER BY created_at DESC, id DESC with keyset paging.';

create index idx_calls_contact_id_created_at_id on calls (contact_id, created_at, id);
comment on index idx_calls_contact_id_created_at_id is
    'A contact''s call history: WHERE contact_id = ? ORDER BY created_at DESC, id DESC with keyset paging.';

create index idx_calls_department_created_at_id on calls (department, created_at, id);
comment on index idx_calls_department_created_at_id is
    'A manager''s department call log: WHERE department = ? ORDER BY created_at DESC, id DESC with keyset paging.';

-- messages ------------------------------------------------------------------------------------------------
create index idx_messages_direction_created_at_id on messages (direction, created_at, id);
comment on index idx_messages_direction_created_at_id is
    'Messages filtered by direction: WHERE direction = ? ORDER BY created_at DESC, id DESC. Guide: messages(direction).';

create index idx_messages_sent_at on messages (sent_at);
comment on index idx_messages_sent_at is
    'Messages sent in a time range (reports, metrics): WHERE sent_at >= ? AND sent_at < ?. Guide: messages(sent_at).';

create index idx_messages_delivered_at on messages (delivered_at);
comment on index idx_messages_delivered_at is
    'Messages delivered in a time range (delivery reports). Guide: messages(delivered_at).';

create index idx_messages_read_at on messages (read_at);
comment on index idx_messages_read_at is
    'Read/unread message counts and range queries on read_at. Guide: messages(read_at).';

create index idx_messages_template_id on messages (template_id);
comment on index idx_messages_template_id is
    'Messages sent from a template (template usage); also serves ON DELETE SET NULL from message_templates. Guide: messages(template_id).';

create index idx_messages_user_id_status on messages (user_id, status);
comment on index idx_messages_user_id_status is
    'An agent''s messages in a status (failed/undelivered for retry). Guide: messages(user_id, status).';

create index idx_messages_contact_id_status on messages (contact_id, status);
comment on index idx_messages_contact_id_status is
    'A contact''s messages in a status (unread inbound); also serves ON DELETE SET NULL from contacts. Guide: messages(contact_id, status).';

create index idx_messages_status_created_at_id on messages (status, created_at, id);
comment on index idx_messages_status_created_at_id is
    'Messages in a status oldest/newest first, e.g. stuck queued messages: WHERE status = ? ORDER BY created_at, id. Guide: messages(status, created_at).';

create index idx_messages_contact_id_created_at_id on messages (contact_id, created_at, id);
comment on index idx_messages_contact_id_created_at_id is
    'Conversation thread with a contact: WHERE contact_id = ? ORDER BY created_at DESC, id DESC with keyset paging.';

create index idx_messages_bulk_job_id on messages (bulk_job_id) where bulk_job_id is not null;
comment on index idx_messages_bulk_job_id is
    'Progress of a bulk send: WHERE bulk_job_id = ? (status counts, redelivery check). Partial: most messages are not bulk.';

create index idx_messages_body_fts on messages using gin (to_tsvector('simple', body));
comment on index idx_messages_body_fts is
    'Global search in message bodies: WHERE to_tsvector(''simple'', body) @@ plainto_tsquery(''simple'', ?).';

-- voicemails ----------------------------------------------------------------------------------------------
create index idx_voicemails_updated_at_id on voicemails (updated_at, id);
comment on index idx_voicemails_updated_at_id is
    'Voicemails changed since a point in time / ORDER BY updated_at DESC, id DESC. Guide: voicemails(updated_at).';

create index idx_voicemails_read_at on voicemails (read_at);
comment on index idx_voicemails_read_at is
    'Unread/read voicemails across the team (WHERE read_at IS NULL, read in a range). Guide: voicemails(read_at).';

create index idx_voicemails_assigned_to_id_priority on voicemails (assigned_to_id, priority);
comment on index idx_voicemails_assigned_to_id_priority is
    'An assignee''s voicemails of a priority (urgent first). Guide: voicemails(assigned_to_id, priority).';

create index idx_voicemails_assigned_to_id_read_at on voicemails (assigned_to_id, read_at);
comment on index idx_voicemails_assigned_to_id_read_at is
    'An assignee''s unread voicemails: WHERE assigned_to_id = ? AND read_at IS NULL (inbox badge). Guide: voicemails(assigned_to_id, read_at).';

create index idx_voicemails_priority_created_at_id on voicemails (priority, created_at, id);
comment on index idx_voicemails_priority_created_at_id is
    'Voicemails of a priority newest first: WHERE priority = ? ORDER BY created_at DESC, id DESC. Guide: voicemails(priority, created_at).';

create index idx_voicemails_assigned_to_id_created_at_id on voicemails (assigned_to_id, created_at, id);
comment on index idx_voicemails_assigned_to_id_created_at_id is
    'An agent''s voicemail inbox: WHERE assigned_to_id = ? ORDER BY created_at DESC, id DESC with keyset paging.';

create index idx_voicemails_department_created_at_id on voicemails (department, created_at, id);
comment on index idx_voicemails_department_created_at_id is
    'A manager''s department voicemails: WHERE department = ? ORDER BY created_at DESC, id DESC with keyset paging.';

create index idx_voicemails_contact_id_created_at_id on voicemails (contact_id, created_at, id);
comment on index idx_voicemails_contact_id_created_at_id is
    'A contact''s voicemails newest first; also serves ON DELETE SET NULL from contacts.';

create index idx_voicemails_call_id on voicemails (call_id);
comment on index idx_voicemails_call_id is
    'Voicemail of a call (recording callback, call detail); also serves ON DELETE SET NULL from calls.';

create index idx_voicemails_transcription_fts on voicemails using gin (to_tsvector('simple', coalesce(transcription, '')));
comment on index idx_voicemails_transcription_fts is
    'Global search in transcriptions: WHERE to_tsvector(''simple'', coalesce(transcription, '''')) @@ plainto_tsquery(''simple'', ?).';
