-- Voice calls, one row per Twilio call leg we track, updated by Twilio status callbacks.
-- from_number / to_number are not forced to E.164: Twilio also reports "client:<identity>" and "anonymous".
create table calls (
    id               uuid primary key default gen_random_uuid(),
    direction        text        not null,
    status           text        not null,
    from_number      text        not null,
    to_number        text        not null,
    user_id          uuid        null references users (id),
    contact_id       uuid        null references contacts (id) on delete set null,
    twilio_call_sid  text        not null,
    -- Twilio SequenceNumber of the last status callback applied; callbacks arriving out of order are ignored.
    status_sequence  integer     not null default -1,
    started_at       timestamptz null,
    answered_at      timestamptz null,
    ended_at         timestamptz null,
    duration_seconds integer     null,
    recording_sid    text        null,
    recording_url    text        null,
    department       text        null,
    created_at       timestamptz not null default now(),
    updated_at       timestamptz not null default now(),
    version          bigint      not null default 1,

    constraint calls_direction_allowed check (direction in ('inbound', 'outbound')),
    constraint calls_status_allowed check (status in ('queued', 'initiated', 'ringing', 'in-progress', 'completed',
                                                      'busy', 'no-answer', 'canceled', 'failed')),
    constraint calls_from_number_present check (char_length(btrim(from_number)) > 0),
    constraint calls_to_number_present check (char_length(btrim(to_number)) > 0),
    constraint calls_status_sequence_range check (status_sequence >= -1),
    constraint calls_duration_seconds_non_negative check (duration_seconds >= 0),
    constraint calls_version_positive check (version >= 1),
    constraint calls_twilio_call_sid_key unique (twilio_call_sid),
    constraint calls_recording_sid_key unique (recording_sid)
);
