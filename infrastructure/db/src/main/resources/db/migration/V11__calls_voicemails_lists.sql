-- What the calls and voicemails APIs (functions/calls, functions/voicemails) need beyond V9: each index names the query
-- it serves, and CallQueryPlansIT / VoicemailQueryPlansIT prove the planner uses them at 100k rows.

-- calls ---------------------------------------------------------------------------------------------------
-- GET /api/calls?phone=+1... matches the number as caller or callee: (from_number = ? or to_number = ?). The caller side is
-- served by idx_calls_from_number_to_number; without an index on to_number the OR can only be answered by reading the table.
create index idx_calls_to_number_created_at_id on calls (to_number, created_at, id);
comment on index idx_calls_to_number_created_at_id is
    'Call history of a phone number (callee side of from_number = ? OR to_number = ?, with idx_calls_from_number_to_number), newest first. Query calls.list with phone.';

-- voicemails ----------------------------------------------------------------------------------------------
-- GET /api/voicemails for a manager or admin (queue=all), newest first with keyset paging.
create index idx_voicemails_created_at_id on voicemails (created_at, id);
comment on index idx_voicemails_created_at_id is
    'All visible voicemails (admin, manager queue=all) ORDER BY created_at DESC, id DESC with keyset paging. Query voicemails.list.all.newest.';

-- GET /api/voicemails?sort=priority: urgent first. The text priority does not sort in that order, so the rank is a stored
-- generated column (kept by Postgres on every write) that plain btree indexes can order by, and the keyset can compare.
alter table voicemails
    add column priority_rank smallint generated always as (
        case priority when 'urgent' then 4 when 'high' then 3 when 'normal' then 2 else 1 end
    ) stored;

create index idx_voicemails_priority_rank_created_at_id on voicemails (priority_rank, created_at, id);
comment on index idx_voicemails_priority_rank_created_at_id is
    'All visible voicemails urgent first: ORDER BY priority_rank DESC, created_at DESC, id DESC with keyset paging. Query voicemails.list.all.priority.';

create index idx_voicemails_assigned_to_id_priority_rank_created_at_id
    on voicemails (assigned_to_id, priority_rank, created_at, id);
comment on index idx_voicemails_assigned_to_id_priority_rank_created_at_id is
    'An agent''s voicemails (assigned_to_id = ?) or the unassigned queue (assigned_to_id IS NULL) urgent first with keyset paging. Queries voicemails.list.mine.priority, voicemails.list.unassigned.priority.';

create index idx_voicemails_department_priority_rank_created_at_id
    on voicemails (department, priority_rank, created_at, id);
comment on index idx_voicemails_department_priority_rank_created_at_id is
    'A department''s voicemail queue (department = ?) urgent first with keyset paging. Query voicemails.list.department.priority.';
