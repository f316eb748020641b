-- Global search (GET /api/search) reads each kind through ONE index that holds both the caller's visibility and the
-- text, so a search costs what the caller may see, not what the whole table holds.
--
-- Why: at 1m contacts / 3m messages / 300k voicemails a common word ("invoice" is in 14% of message bodies) gave a
-- text-only GIN bitmap of 409,609 rows (66 ms to build, lossy beyond work_mem), and an agent's visibility (0.5% of the
-- rows) was then checked row by row over it: 0.56 s per search. A multicolumn GIN index (btree_gin for the uuid and
-- text columns) answers "the agent's rows AND the word" inside the index: GIN intersects the two posting lists and
-- skips through the larger one, so the agent's few thousand rows bound the work. A multicolumn GIN index also serves a
-- condition on any one of its columns as well as a single-column one would, so each replaces the text-only index.
-- Contacts keep V9's trigram-only index: an (owner_id, trigrams) one made the planner prefer a trigram bitmap for the
-- contact list's q= filter of admins and managers (16.5k rows for a last name at 1m, 24 ms) over the updated_at index
-- it reads today (1.6 ms); with 50 candidates an agent's contact search is fast enough through the trigrams.
--
-- Messages are visible through their user or through their contact's owner (Visibility.message in shared/data). The
-- owner lives on contacts; to put it in the index, messages.contact_owner_id copies contacts.owner_id, kept by triggers
-- as conversations.owner_id is (V10):
--   * a message's contact changes (insert, re-link, ON DELETE SET NULL): a row trigger copies the owner, unlocked;
--   * the contact is reassigned: a row trigger on contacts updates that contact's messages;
--   * the race between the two (a message written while its contact is reassigned, where the unlocked read can see the
--     old owner and the reassignment's update cannot see the uncommitted message) is closed by a statement trigger that
--     re-reads the owners under FOR SHARE, in id order like V10's trigger so concurrent writers cannot deadlock here,
--     and corrects any row that differs. FOR SHARE waits for a reassignment in flight, and a later reassignment waits
--     for this transaction, so one of the two always sees the other's write.
-- No foreign key on contact_owner_id: it is a copy of a column that has one, and a key check per message insert
-- would only repeat contacts.owner_id's.

-- btree_gin is a trusted extension (PostgreSQL 13+): the migrating role needs only CREATE on the database, on Aurora too.
create extension if not exists btree_gin;

-- Replaced below; dropped first so that the backfill does not maintain it.
drop index idx_messages_body_fts;

alter table messages add column contact_owner_id uuid null;
comment on column messages.contact_owner_id is
    'Copy of contacts.owner_id of contact_id (null without a contact), kept by triggers; message visibility in search.';

update messages m
   set contact_owner_id = c.owner_id
  from contacts c
 where c.id = m.contact_id;

create function messages_copy_contact_owner() returns trigger
    language plpgsql
as $$
begin
    if new.contact_id is null then
        new.contact_owner_id := null;
    else
        select c.owner_id into new.contact_owner_id from contacts c where c.id = new.contact_id;
    end if;
    return new;
end
$$;

create trigger messages_contact_owner_copy
    before insert or update of contact_id on messages
    for each row
    execute function messages_copy_contact_owner();

-- Re-reads, under FOR SHARE in id order, the owners of the contacts the given messages point at, and corrects any
-- message copied while its contact was being reassigned. Normally it changes nothing.
create function messages_recheck_contact_owner(message_ids uuid[]) returns void
    language plpgsql
as $$
begin
    if cardinality(message_ids) = 0 then
        return;
    end if;
    with owners as (
        select c.id, c.owner_id
          from contacts c
         where c.id in (select m.contact_id from messages m where m.id = any (message_ids))
         order by c.id
           for share
    )
    update messages m
       set contact_owner_id = owners.owner_id
      from owners
     where m.id = any (message_ids)
       and m.contact_id = owners.id
       and m.contact_owner_id is distinct from owners.owner_id;
end
$$;

create function messages_recheck_inserted_contact_owner() returns trigger
    language plpgsql
as $$
begin
    perform messages_recheck_contact_owner(array(
        select n.id from new_messages n where n.contact_id is not null));
    return null;
end
$$;

-- Transition tables cannot go with a column list, so this fires for every update and looks for a changed contact
-- itself: a status callback (the most frequent update) costs a join of two one-row tables and locks nothing.
create function messages_recheck_updated_contact_owner() returns trigger
    language plpgsql
as $$
begin
    perform messages_recheck_contact_owner(array(
        select n.id
          from old_messages o
          join new_messages n on n.id = o.id
         where n.contact_id is not null and o.contact_id is distinct from n.contact_id));
    return null;
end
$$;

create trigger messages_contact_owner_recheck_insert
    after insert on messages
    referencing new table as new_messages
    for each statement execute function messages_recheck_inserted_contact_owner();

create trigger messages_contact_owner_recheck_update
    after update on messages
    referencing old table as old_messages new table as new_messages
    for each statement execute function messages_recheck_updated_contact_owner();

create function messages_follow_contact_owner() returns trigger
    language plpgsql
as $$
begin
    update messages set contact_owner_id = new.owner_id where contact_id = new.id;
    return null;
end
$$;

create trigger contacts_owner_to_messages
    after update of owner_id on contacts
    for each row
    when (old.owner_id is distinct from new.owner_id)
    execute function messages_follow_contact_owner();

-- The search indexes -------------------------------------------------------------------------------------------
create index idx_messages_search on messages
    using gin (user_id, contact_owner_id, to_tsvector('simple', body));
comment on index idx_messages_search is
    'Global search in message bodies within the caller''s visibility: (user_id = ? OR contact_owner_id = ?) AND to_tsvector(''simple'', body) @@ plainto_tsquery(''simple'', ?); admins by the text alone.';

drop index idx_voicemails_transcription_fts;
create index idx_voicemails_search on voicemails
    using gin (assigned_to_id, department, to_tsvector('simple', coalesce(transcription, '')));
comment on index idx_voicemails_search is
    'Global search in transcriptions within the caller''s visibility: (assigned_to_id = ? OR department = ?) AND to_tsvector(''simple'', coalesce(transcription, '''')) @@ plainto_tsquery(''simple'', ?).';

-- An agent also searches its department's unassigned queue (assigned_to_id IS NULL AND department = ?). IS NULL is not
-- a GIN condition, so on idx_voicemails_search alone the planner ANDed a bitmap of every unassigned voicemail (60k of
-- 300k rows, 14 ms) into the plan; the partial index holds exactly that queue (an agent's search: 22 -> 5 ms at 1m).
create index idx_voicemails_search_unassigned on voicemails
    using gin (department, to_tsvector('simple', coalesce(transcription, '')))
    where assigned_to_id is null;
comment on index idx_voicemails_search_unassigned is
    'Global search in a department''s unassigned voicemail queue (an agent''s): assigned_to_id IS NULL AND department = ? AND to_tsvector(''simple'', coalesce(transcription, '''')) @@ plainto_tsquery(''simple'', ?).';
