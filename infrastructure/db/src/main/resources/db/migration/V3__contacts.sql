-- Contacts (the address book), each owned by one user.

-- A tag list is valid when it is one-dimensional, has at most 20 tags and every tag is a lowercase slug.
-- IMMUTABLE so that it can back a CHECK constraint; CHECK cannot hold a sub-query directly.
create function contact_tags_valid(tags text[]) returns boolean
    language sql
    immutable
    strict
    parallel safe
as $$
    select coalesce(array_ndims(tags), 1) = 1
       and cardinality(tags) <= 20
       and not exists (select 1
                         from unnest(tags) as tag
                        where tag is null
                           or tag !~ '^[a-z0-9][a-z0-9_-]{0,31}$')
$$;

create table contacts (
    id             uuid primary key default gen_random_uuid(),
    owner_id       uuid        not null references users (id),
    first_name     text        not null,
    last_name      text        null,
    organization   text        null,
    phone          text        null,
    mobile_phone   text        null,
    email          text        null,
    tags           text[]      not null default '{}',
    sms_opt_out    boolean     not null default false,
    sms_opt_out_at timestamptz null,
    notes          text        null,
    created_at     timestamptz not null default now(),
    updated_at     timestamptz not null default now(),
    version        bigint      not null default 1,
    -- One lower-cased haystack for the contact search box; indexed with trigrams in V9.
    search_text    text generated always as (
        lower(coalesce(first_name, '') || ' ' || coalesce(last_name, '') || ' ' ||
              coalesce(organization, '') || ' ' || coalesce(email, '') || ' ' ||
              coalesce(phone, '') || ' ' || coalesce(mobile_phone, ''))
    ) stored,

    constraint contacts_first_name_length check (char_length(btrim(first_name)) between 1 and 100),
    constraint contacts_last_name_length check (char_length(last_name) <= 100),
    constraint contacts_organization_length check (char_length(organization) <= 200),
    constraint contacts_phone_e164 check (phone ~ '^\+[1-9][0-9]{6,14}$'),
    constraint contacts_mobile_phone_e164 check (mobile_phone ~ '^\+[1-9][0-9]{6,14}$'),
    constraint contacts_email_shape check (char_length(email) <= 254 and email ~ '^[^@\s]+@[^@\s]+\.[^@\s]+$'),
    constraint contacts_tags_valid check (contact_tags_valid(tags)),
    constraint contacts_notes_length check (char_length(notes) <= 4000),
    constraint contacts_version_positive check (version >= 1)
);
