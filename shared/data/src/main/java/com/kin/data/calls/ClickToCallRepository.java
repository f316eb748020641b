package com.kin.data.calls;

import com.kin.core.identity.Caller;
import com.kin.data.Rows;
import com.kin.data.Sql;
import com.kin.data.Visibility;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The statements of click-to-call ({@code POST /api/calls}): where the agent is rung, whom they are connected to, and the
 * call as recorded once Twilio accepted it.
 */
@Singleton
public class ClickToCallRepository {

    /**
     * The call, recorded after Twilio answered with its CallSid. A status callback for that CallSid may have arrived first
     * and created the row (CallWebhookRepository): then only what the callback could not know (user, contact,
     * department) is filled in where it is still empty, and the status moves only forward.
     */
    private static final String RECORD = "with placed as (insert into calls as c (direction, status, from_number, "
            + "to_number, user_id, contact_id, twilio_call_sid, department, created_at, updated_at) "
            + "values ('outbound', ?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict (twilio_call_sid) do update set "
            + "user_id = coalesce(c.user_id, excluded.user_id), contact_id = coalesce(c.contact_id, excluded.contact_id), "
            + "department = coalesce(c.department, excluded.department), status = case when "
            + CallStatusOrder.sqlRank("excluded.status") + " > " + CallStatusOrder.sqlRank("c.status")
            + " then excluded.status else c.status end, version = c.version + 1, updated_at = excluded.updated_at "
            + "returning c.*) select " + CallRepository.COLUMNS + ", u.department as user_department "
            + "from placed c left join users u on u.id = c.user_id";

    /** The active user {@code userId} as a line to ring; empty when there is no such active user. */
    public Optional<AgentLine> agent(Sql sql, UUID userId) {
        return sql.queryOne("calls.clickToCall.agent",
                "select u.id, u.department, u.phone_number, u.client_identity from users u where u.id = ? and u.active",
                row -> new AgentLine(Rows.uuid(row, "id"), row.getString("department"), row.getString("phone_number"),
                        row.getString("client_identity")), userId);
    }

    /** The contact {@code contactId} as the party to dial, whoever owns it (the caller checks visibility). */
    public Optional<CallTarget> contact(Sql sql, UUID contactId) {
        return sql.queryOne("calls.clickToCall.contact", "select c.id, c.owner_id, u.department as owner_department, "
                        + "coalesce(c.phone, c.mobile_phone) as number from contacts c join users u on u.id = c.owner_id "
                        + "where c.id = ?",
                row -> new CallTarget(Rows.uuid(row, "id"), Rows.uuid(row, "owner_id"),
                        row.getString("owner_department"), row.getString("number")), contactId);
    }

    /** The oldest contact with the number {@code e164} that the caller may see, to file the call under. */
    public Optional<UUID> visibleContactWithNumber(Sql sql, Caller caller, String e164) {
        Visibility.Fragment visible = Visibility.owner(caller, "c.owner_id");
        List<Object> params = new ArrayList<>(List.of(e164, e164));
        params.addAll(visible.params());
        return sql.queryOne("calls.clickToCall.contactByNumber", "select c.id from contacts c where (c.phone = ? "
                        + "or c.mobile_phone = ?) and " + visible.sql() + " order by c.created_at, c.id limit 1",
                row -> Rows.uuid(row, "id"), params.toArray());
    }

    /** Records the call Twilio accepted, in one statement; returns it with its user's department. */
    public CallRow record(Sql sql, OutboundCall call, Instant now) {
        return sql.queryOne("calls.clickToCall.record", RECORD, row -> new CallRow(CallRepository.call(row),
                        row.getString("user_department")), call.status().wireName(), call.from(), call.to(),
                call.userId(), call.contactId(), call.callSid(), call.department(), now, now)
                .orElseThrow(() -> new IllegalStateException("calls - recording call " + call.callSid()
                        + " returned no row"));
    }
}
