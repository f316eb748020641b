package com.kin.data.calls;

import com.kin.core.identity.CallPlacement;
import com.kin.data.Rows;
import com.kin.data.Sql;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.Optional;

/**
 * The writes Twilio's voice webhooks make to calls. Every statement is keyed by the unique CallSid and safe to repeat:
 * a duplicate or late delivery changes nothing, and concurrent deliveries cannot move a call backwards. A write that
 * changed a call returns its {@link CallPlacement} as written (RETURNING, no second statement), for the cache tags the
 * caller invalidates once it committed.
 */
@Singleton
public class CallWebhookRepository {

    private static final String TERMINAL = "('completed', 'busy', 'no-answer', 'canceled', 'failed')";

    /**
     * Status upsert. An unknown CallSid (an outbound call placed by the API whose callback beat its insert) becomes a
     * row. A known call takes the new status only when it moves forward: a higher SequenceNumber (when Twilio sends one,
     * else a strictly higher rank), a rank not below the current one, and never out of a terminal status. Times and
     * duration are set once (coalesce), so a duplicate terminal callback cannot move them.
     */
    private static final String APPLY_STATUS = "insert into calls as c (direction, status, from_number, to_number, "
            + "twilio_call_sid, status_sequence, started_at, answered_at, ended_at, duration_seconds, created_at, "
            + "updated_at) values (?, ?, ?, ?, ?, coalesce(?::int, -1), ?, ?, ?, ?, ?, ?) "
            + "on conflict (twilio_call_sid) do update set status = excluded.status, "
            + "status_sequence = greatest(c.status_sequence, excluded.status_sequence), "
            + "started_at = coalesce(c.started_at, excluded.started_at), "
            + "answered_at = coalesce(c.answered_at, excluded.answered_at), "
            + "ended_at = coalesce(c.ended_at, excluded.ended_at), "
            + "duration_seconds = coalesce(c.duration_seconds, excluded.duration_seconds), "
            + "version = c.version + 1, updated_at = excluded.updated_at "
            + "where c.status not in " + TERMINAL
            + " and " + CallStatusOrder.sqlRank("c.status") + " <= ?"
            + " and case when ?::int is null then " + CallStatusOrder.sqlRank("c.status") + " < ?"
            + " else c.status_sequence < ?::int end"
            + CallPlacements.RETURNING;

    /**
     * The inbound call as routed. A retried webhook changes nothing; a row a status callback created first gains the
     * routing it lacked, and its status is left alone.
     */
    private static final String RECORD_INBOUND = "insert into calls as c (direction, status, from_number, to_number, "
            + "user_id, contact_id, twilio_call_sid, department, started_at, created_at, updated_at) "
            + "values ('inbound', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
            + "on conflict (twilio_call_sid) do update set user_id = coalesce(c.user_id, excluded.user_id), "
            + "contact_id = coalesce(c.contact_id, excluded.contact_id), "
            + "department = coalesce(c.department, excluded.department), "
            + "version = c.version + 1, updated_at = excluded.updated_at "
            + "where (c.user_id is null and excluded.user_id is not null) "
            + "or (c.contact_id is null and excluded.contact_id is not null) "
            + "or (c.department is null and excluded.department is not null)"
            + CallPlacements.RETURNING;

    /** Records an inbound call; returns where the call sits now, or empty when nothing changed (a retried webhook). */
    public Optional<CallPlacement> recordInbound(Sql sql, InboundCall call, Instant now) {
        return sql.queryOne("calls.webhook.inbound", RECORD_INBOUND, CallPlacements::read, call.status().wireName(),
                call.from(), call.to(), call.userId(), call.contactId(), call.callSid(), call.department(), now, now, now);
    }

    /**
     * Applies a status callback; returns where the changed call sits, or empty when nothing changed (duplicate, late or
     * out of order).
     */
    public Optional<CallPlacement> applyStatus(Sql sql, CallStatusEvent event, Instant now) {
        int rank = CallStatusOrder.rank(event.status());
        Instant startedAt = event.answeredAt() != null ? event.answeredAt() : event.at();
        return sql.queryOne("calls.webhook.status", APPLY_STATUS, CallPlacements::read, event.direction().wireName(),
                event.status().wireName(), event.from(), event.to(), event.callSid(), event.sequence(), startedAt,
                event.answeredAt(), event.endedAt(), event.durationSeconds(), now, now,
                rank, event.sequence(), rank, event.sequence());
    }

    /** The call with this CallSid, if KIN has it. */
    public Optional<CallParties> findParties(Sql sql, String callSid) {
        return sql.queryOne("calls.webhook.partiesBySid",
                "select c.id, c.from_number, c.to_number from calls c where c.twilio_call_sid = ?",
                row -> new CallParties(Rows.uuid(row, "id"), row.getString("from_number"), row.getString("to_number")),
                callSid);
    }
}
