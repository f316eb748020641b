-- Platform users: agents, managers and admins. Users are deactivated (active = false), never deleted,
-- because calls, messages and voicemails keep referring to them.
create table users (
    id                uuid primary key default gen_random_uuid(),
    email             text        not null,
    name              text        not null,
    role              text        not null,
    department        text        null,
    twilio_worker_sid text        null,
    phone_number      text        null,
    client_identity   text        null,
    preferences       jsonb       not null default '{}'::jsonb,
    active            boolean     not null default true,
    created_at        timestamptz not null default now(),
    updated_at        timestamptz not null default now(),
    version           bigint      not null default 1,

    constraint users_email_shape check (char_length(email) <= 254 and email ~ '^[^@\s]+@[^@\s]+\.[^@\s]+$'),
    constraint users_name_length check (char_length(btrim(name)) between 1 and 200),
    constraint users_role_allowed check (role in ('agent', 'manager', 'admin')),
    constraint users_department_length check (char_length(btrim(department)) between 1 and 100),
    constraint users_phone_number_e164 check (phone_number ~ '^\+[1-9][0-9]{6,14}$'),
    constraint users_preferences_object check (jsonb_typeof(preferences) = 'object'),
    constraint users_version_positive check (version >= 1),
    constraint users_twilio_worker_sid_key unique (twilio_worker_sid),
    constraint users_client_identity_key unique (client_identity)
);

-- E-mail addresses are unique regardless of case; sign-in looks users up with lower(email) = lower(?),
-- so this index is also the performance guide's users(email) index.
create unique index users_email_lower_key on users (lower(email));
