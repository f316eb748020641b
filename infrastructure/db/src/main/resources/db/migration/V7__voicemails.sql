-- Voicemails left by callers: the Twilio recording plus its transcription, triaged by assignee and priority.
create table voicemails (
    id                uuid primary key default gen_random_uuid(),
    call_id           uuid        null references calls (id) on delete set null,
    contact_id        uuid        null references contacts (id) on delete set null,
    assigned_to_id    uuid        null references users (id),
    department        text        null,
    priority          text        not null default 'normal',
    from_number       text        not null,
    read_at           timestamptz null,
    recording_sid     text        not null,
    recording_url     text        not null,
    transcription     text        null,
    transcription_sid text        null,
    duration_seconds  integer     null,
    created_at        timestamptz not null default now(),
    updated_at        timestamptz not null default now(),
    version           bigint      not null default 1,

    constraint voicemails_priority_allowed check (priority in ('low', 'normal', 'high', 'urgent')),
    constraint voicemails_from_number_present check (char_length(btrim(from_number)) > 0),
    constraint voicemails_recording_url_present check (char_length(btrim(recording_url)) > 0),
    constraint voicemails_duration_seconds_non_negative check (duration_seconds >= 0),
    constraint voicemails_version_positive check (version >= 1),
    constraint voicemails_recording_sid_key unique (recording_sid),
    constraint voicemails_transcription_sid_key unique (transcription_sid)
);
