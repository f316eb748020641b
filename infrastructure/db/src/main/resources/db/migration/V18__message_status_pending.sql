-- Message status callbacks that arrive before KIN has stored their MessageSid (issue 6). POST /api/messages writes the
-- SID when Twilio's REST answer comes back, and the bulk worker writes the whole messages row after it; Twilio may call
-- the status callback in between. Such a callback is kept here, one row per MessageSid holding the furthest status so
-- far (the same forward-only rule as messages: MessageStatusOrder), with the error and the sent/delivered times it
-- brought. The transaction that stores the SID (OutboundMessageRepository.markAccepted, BulkSmsRecipientRepository
-- .recordSent) deletes the row and merges it into the message, forward only; both sides take the same advisory lock
-- on the SID (PendingStatuses), so a callback is either applied to the message or seen by the merge.
--
-- Purge: a row whose SID never gets stored (a message KIN did not send, or whose acceptance could not be recorded) is
-- deleted by the messaging function, opportunistically, whenever it keeps another unknown callback: rows older than a
-- day go (MessageWebhookRepository.keepPending). Nothing else reads this table.
create table message_status_pending (
    twilio_message_sid text primary key,
    status             text        not null,
    error_code         integer     null,
    error_message      text        null,
    sent_at            timestamptz null,
    delivered_at       timestamptz null,
    created_at         timestamptz not null default now(),
    updated_at         timestamptz not null default now(),

    constraint message_status_pending_status_allowed check (status in ('queued', 'accepted', 'scheduled', 'sending',
                                                                       'sent', 'delivered', 'undelivered', 'failed',
                                                                       'read', 'canceled'))
);

create index idx_message_status_pending_created_at on message_status_pending (created_at);
comment on index idx_message_status_pending_created_at is
    'created_at < ?: the messaging function''s purge of callbacks whose message never got its SID (messages.webhook.keepPending).';
