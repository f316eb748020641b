-- Reusable SMS bodies; variables lists the placeholder names the body uses.
create table message_templates (
    id         uuid primary key default gen_random_uuid(),
    name       text        not null,
    body       text        not null,
    variables  text[]      not null default '{}',
    created_by uuid        null references users (id),
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now(),
    version    bigint      not null default 1,

    constraint message_templates_name_length check (char_length(btrim(name)) between 1 and 100),
    constraint message_templates_body_length check (char_length(body) between 1 and 1600),
    constraint message_templates_version_positive check (version >= 1),
    constraint message_templates_name_key unique (name)
);
