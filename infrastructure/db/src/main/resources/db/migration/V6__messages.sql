-- SMS/MMS messages in both directions. twilio_message_sid stays null until Twilio accepts an outbound message.
-- bulk_job_id groups the messages of one bulk send; the job itself is tracked outside this database.
create table messages (
    id                 uuid primary key default gen_random_uuid(),
    direction          text        not null,
    status             text        not null,
    body               text        not null,
    from_number        text        not null,
    to_number          text        not null,
    user_id            uuid        null references users (id),
    contact_id         uuid        null references contacts (id) on delete set null,
    twilio_message_sid text        null,
    template_id        uuid        null references message_templates (id) on delete set null,
    bulk_job_id        uuid        null,
    error_code         integer     null,
    error_message      text        null,
    sent_at            timestamptz null,
    delivered_at       timestamptz null,
    read_at            timestamptz null,
    created_at         timestamptz not null default now(),
    updated_at         timestamptz not null default now(),
    version            bigint      not null default 1,

    constraint messages_direction_allowed check (direction in ('inbound', 'outbound')),
    constraint messages_status_allowed check (status in ('queued', 'accepted', 'scheduled', 'sending', 'sent',
                                                         'delivered', 'undelivered', 'failed', 'receiving',
                                                         'received', 'read', 'canceled')),
    -- An inbound MMS may carry an empty body, so only the upper bound is enforced.
    constraint messages_body_length check (char_length(body) <= 1600),
    constraint messages_from_number_present check (char_length(btrim(from_number)) > 0),
    constraint messages_to_number_present check (char_length(btrim(to_number)) > 0),
    constraint messages_version_positive check (version >= 1),
    constraint messages_twilio_message_sid_key unique (twilio_message_sid)
);
