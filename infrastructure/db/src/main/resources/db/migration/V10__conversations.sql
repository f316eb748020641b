-- The conversation list: GET /api/messages/conversations shows one row per contact the caller may see, newest
-- conversation first, with the contact's latest message and its unread count (inbound messages with read_at null).
--
-- Why a small denormalised table (conversations) rather than computing "latest message per contact" at read time:
-- ordering contacts by their latest message needs that time for every contact before the first page can be cut, so
-- a read-time query (GROUP BY, DISTINCT ON, or a LATERAL probe per contact) grows with the caller's contacts and
-- messages: an admin at 3M messages would probe ~100k contacts per page. With one row per conversation holding
-- (owner_id, last_message_at), a page is an index range scan of `limit` rows plus two primary-key joins, whatever the
-- table sizes. The alternative of a last_message_at column on contacts was rejected: every SMS would rewrite a wide
-- contacts row (and its indexes), bump contact versions and invalidate cached contacts.
--
-- The table is kept by triggers on messages, so it changes in the same transaction as the messages themselves and
-- stays right whoever writes them: the send path, the inbound webhook, status callbacks, the bulk worker, the
-- messages API's bulk actions, ON DELETE SET NULL from contacts. Inserts are applied incrementally from the
-- statement's transition table (one pass for a 10k-row bulk insert); updates and deletes that touch the latest
-- message or the unread state recompute the affected contacts from messages. Writers of one contact are serialised
-- on the contact row (FOR SHARE for incremental inserts, which commute; FOR NO KEY UPDATE for recomputes, which read
-- a fresh snapshot after the lock in READ COMMITTED), so concurrent writers never lose an update. Neither lock
-- conflicts with the FOR KEY SHARE that foreign-key checks take on contacts.
--
-- owner_id copies contacts.owner_id, because a thread is visible to whoever may see its contact (Visibility in
-- shared/data); a trigger on contacts keeps it when a contact is reassigned.
-- last_message_id has no foreign key on purpose: the key check of a DELETE on messages would run before the trigger
-- that moves last_message_id to the previous message.
create table conversations (
    contact_id      uuid        primary key references contacts (id) on delete cascade,
    owner_id        uuid        not null references users (id),
    last_message_id uuid        not null,
    last_message_at timestamptz not null,
    unread_count    integer     not null,

    constraint conversations_unread_count_non_negative check (unread_count >= 0)
);

create index idx_conversations_owner_id_last_message_at_contact_id
    on conversations (owner_id, last_message_at, contact_id);
comment on index idx_conversations_owner_id_last_message_at_contact_id is
    'An agent''s conversation list: WHERE owner_id = ? ORDER BY last_message_at DESC, contact_id DESC with keyset paging.';

create index idx_conversations_last_message_at_contact_id on conversations (last_message_at, contact_id);
comment on index idx_conversations_last_message_at_contact_id is
    'All conversations (admin), or a department''s (manager, filtered): ORDER BY last_message_at DESC, contact_id DESC with keyset paging.';

create index idx_messages_contact_id_unread_inbound on messages (contact_id)
    where direction = 'inbound' and read_at is null;
comment on index idx_messages_contact_id_unread_inbound is
    'Unread inbound messages of a contact: count(*) WHERE contact_id = ? AND direction = ''inbound'' AND read_at IS NULL (conversation unread count recompute). Partial: small, only unread rows.';

-- Recomputes the conversation of each contact in contact_ids from its messages: latest message and unread count, or
-- no row when the contact has no message left (or no longer exists). Contacts are locked in id order, so two
-- statements touching the same contacts cannot deadlock each other here.
create function conversations_refresh(contact_ids uuid[]) returns void
    language plpgsql
as $$
declare
    target    uuid;
    owner     uuid;
    latest_id uuid;
    latest_at timestamptz;
begin
    for target in select distinct t from unnest(contact_ids) as t where t is not null order by t loop
        select c.owner_id into owner from contacts c where c.id = target for no key update;
        if not found then
            delete from conversations where contact_id = target;
            continue;
        end if;
        select m.id, m.created_at into latest_id, latest_at
          from messages m
         where m.contact_id = target
         order by m.created_at desc, m.id desc
         limit 1;
        if not found then
            delete from conversations where contact_id = target;
            continue;
        end if;
        insert into conversations (contact_id, owner_id, last_message_id, last_message_at, unread_count)
        select target, owner, latest_id, latest_at, count(*)
          from messages m
         where m.contact_id = target and m.direction = 'inbound' and m.read_at is null
        on conflict (contact_id) do update
           set owner_id = excluded.owner_id,
               last_message_id = excluded.last_message_id,
               last_message_at = excluded.last_message_at,
               unread_count = excluded.unread_count;
    end loop;
end
$$;

-- New messages: per contact, the newest of the statement's rows competes with the stored latest, and the new unread
-- inbound rows are added. Incremental, so it needs no index on messages (bulk loads may build those afterwards).
create function conversations_after_message_insert() returns trigger
    language plpgsql
as $$
begin
    with owners as (
        select c.id, c.owner_id
          from contacts c
         where c.id in (select n.contact_id from new_messages n)
         order by c.id
           for share
    ), newest as (
        select distinct on (n.contact_id) n.contact_id, n.id, n.created_at
          from new_messages n
         where n.contact_id is not null
         order by n.contact_id, n.created_at desc, n.id desc
    ), unread as (
        select n.contact_id, count(*) filter (where n.direction = 'inbound' and n.read_at is null) as added
          from new_messages n
         where n.contact_id is not null
         group by n.contact_id
    )
    insert into conversations as cv (contact_id, owner_id, last_message_id, last_message_at, unread_count)
    select newest.contact_id, owners.owner_id, newest.id, newest.created_at, unread.added
      from newest
      join unread on unread.contact_id = newest.contact_id
      join owners on owners.id = newest.contact_id
     order by newest.contact_id
    on conflict (contact_id) do update
       set owner_id = excluded.owner_id,
           last_message_id = case when (excluded.last_message_at, excluded.last_message_id)
                                       > (cv.last_message_at, cv.last_message_id)
                                  then excluded.last_message_id else cv.last_message_id end,
           last_message_at = greatest(cv.last_message_at, excluded.last_message_at),
           unread_count = cv.unread_count + excluded.unread_count;
    return null;
end
$$;

-- Changed messages: only a change of contact, direction, time or read state can change a conversation; status
-- callbacks (the most frequent update) touch none of these and cost one join of two one-row transition tables.
create function conversations_after_message_update() returns trigger
    language plpgsql
as $$
begin
    perform conversations_refresh(array(
        select affected.contact_id
          from old_messages o
          join new_messages n on n.id = o.id
         cross join lateral (values (o.contact_id), (n.contact_id)) as affected (contact_id)
         where o.contact_id is distinct from n.contact_id
            or o.direction <> n.direction
            or o.created_at <> n.created_at
            or (o.read_at is null) <> (n.read_at is null)));
    return null;
end
$$;

create function conversations_after_message_delete() returns trigger
    language plpgsql
as $$
begin
    perform conversations_refresh(array(select o.contact_id from old_messages o));
    return null;
end
$$;

create trigger messages_conversations_insert
    after insert on messages
    referencing new table as new_messages
    for each statement execute function conversations_after_message_insert();

create trigger messages_conversations_update
    after update on messages
    referencing old table as old_messages new table as new_messages
    for each statement execute function conversations_after_message_update();

create trigger messages_conversations_delete
    after delete on messages
    referencing old table as old_messages
    for each statement execute function conversations_after_message_delete();

-- A reassigned contact takes its conversation along (the visibility of a thread follows the contact's owner).
create function conversations_follow_contact_owner() returns trigger
    language plpgsql
as $$
begin
    update conversations set owner_id = new.owner_id where contact_id = new.id;
    return null;
end
$$;

create trigger contacts_owner_to_conversations
    after update of owner_id on contacts
    for each row
    when (old.owner_id is distinct from new.owner_id)
    execute function conversations_follow_contact_owner();
