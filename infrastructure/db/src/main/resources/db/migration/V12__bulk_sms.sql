-- Bulk SMS (POST /api/messages/bulk): a job is one text sent to many contacts; each contact of a job is a recipient row,
-- the unit of accounting. The API inserts the recipients and puts them on SQS; the bulk-sms-worker function sends them.
--
-- Counts are derived from the recipient rows (GET /api/messages/bulk/{id} groups one job's rows by status) rather than
-- kept as counters on the job: every send would otherwise update the same job row, and concurrent worker instances
-- would queue on its lock. status on the job only says whether anything is left to attempt: a job is completed once no
-- recipient is queued and none is being sent by a live worker.
create table bulk_sms_jobs (
    id           uuid primary key default gen_random_uuid(),
    created_by   uuid        not null references users (id),
    template_id  uuid        null references message_templates (id) on delete set null,
    -- The text as it was when the job was created (a later template edit does not change a running job).
    body         text        not null,
    -- Values for the body's {{placeholders}} that are the same for every recipient (a JSON object of strings).
    variables    jsonb       not null default '{}'::jsonb,
    status       text        not null default 'in_progress',
    completed_at timestamptz null,
    created_at   timestamptz not null default now(),
    updated_at   timestamptz not null default now(),
    version      bigint      not null default 1,

    constraint bulk_sms_jobs_status_allowed check (status in ('in_progress', 'completed')),
    constraint bulk_sms_jobs_body_length check (char_length(body) between 1 and 1600),
    constraint bulk_sms_jobs_variables_object check (jsonb_typeof(variables) = 'object'),
    constraint bulk_sms_jobs_completed_at_when_completed check ((status = 'completed') = (completed_at is not null)),
    constraint bulk_sms_jobs_version_positive check (version >= 1)
);

create index idx_bulk_sms_jobs_template_id on bulk_sms_jobs (template_id);
comment on index idx_bulk_sms_jobs_template_id is
    'Serves ON DELETE SET NULL from message_templates (deleting a template finds its jobs without a scan).';

-- The never-twice rule lives in these rows: the worker moves a recipient queued -> sending with a conditional UPDATE
-- before it calls Twilio, and sending -> sent (with the messages row, in one statement) after. A redelivered SQS message
-- finds the row no longer queued and sends nothing. A row left in sending (the worker died between the claim and Twilio's
-- answer) is never sent again automatically; the progress API reports it as failed-unknown once it is stale.
-- error_code: Twilio's error code (e.g. '21211') or one of no_phone_number, outcome_unknown, retries_exhausted,
-- body_too_long.
-- message_id has no foreign key on purpose: messages may be deleted through the messages API, and the recipient row
-- keeps the job's accounting either way.
create table bulk_sms_recipients (
    job_id             uuid        not null references bulk_sms_jobs (id) on delete cascade,
    contact_id         uuid        not null references contacts (id) on delete cascade,
    status             text        not null,
    message_id         uuid        null,
    twilio_message_sid text        null,
    error_code         text        null,
    attempts           integer     not null default 0,
    updated_at         timestamptz not null default now(),

    constraint bulk_sms_recipients_pkey primary key (job_id, contact_id),
    constraint bulk_sms_recipients_status_allowed
        check (status in ('queued', 'sending', 'sent', 'failed', 'skipped_opt_out')),
    constraint bulk_sms_recipients_sent_has_message check (status <> 'sent' or message_id is not null),
    constraint bulk_sms_recipients_error_code_length check (char_length(error_code) between 1 and 40),
    constraint bulk_sms_recipients_attempts_non_negative check (attempts >= 0)
);

create index idx_bulk_sms_recipients_contact_id on bulk_sms_recipients (contact_id);
comment on index idx_bulk_sms_recipients_contact_id is
    'Serves ON DELETE CASCADE from contacts: deleting contacts finds their recipient rows without scanning every job.';

create index idx_bulk_sms_recipients_job_id_unfinished on bulk_sms_recipients (job_id, updated_at)
    where status in ('queued', 'sending');
comment on index idx_bulk_sms_recipients_job_id_unfinished is
    'Job completion check after each worker batch: NOT EXISTS (... WHERE job_id = ? AND (status = ''queued'' OR (status = ''sending'' AND updated_at >= ?))). Partial: only rows not yet settled.';

-- messages.bulk_job_id (V6) now points at a job in this database. Jobs are never deleted, so no ON DELETE action.
alter table messages
    add constraint messages_bulk_job_id_fkey foreign key (bulk_job_id) references bulk_sms_jobs (id);
