package com.kin.data.calls;

import com.kin.core.domain.Call;
import com.kin.core.domain.CallDirection;
import com.kin.core.domain.CallStatus;
import com.kin.core.domain.Recordings;
import com.kin.core.identity.Caller;
import com.kin.core.error.BadRequestError;
import com.kin.core.page.Cursor;
import com.kin.data.RowMapper;
import com.kin.data.Rows;
import com.kin.data.Sql;
import com.kin.data.Visibility;
import com.kin.data.voicemails.VoicemailColumns;
import com.kin.data.voicemails.VoicemailRow;
import jakarta.inject.Singleton;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Calls in Postgres, newest first (created_at desc, id desc: every call index ends in created_at, id). Lists are filtered by
 * {@link Visibility#ownerOrDepartmentOfRecord}.
 */
@Singleton
public class CallRepository {

    /** The one order of the call history, as cursors name it. */
    public static final String SORT = "newest";

    static final String COLUMNS = "c.id, c.direction, c.status, c.from_number, c.to_number, c.user_id, c.contact_id, "
            + "c.twilio_call_sid, c.started_at, c.answered_at, c.ended_at, c.duration_seconds, c.recording_url, "
            + "c.department, c.created_at, c.updated_at, c.version";

    private static final RowMapper<Call> CALL = CallRepository::call;

    /** The latest voicemail left on the call, with its assignee's department, brought along in the same statement. */
    private static final String DETAIL = "select " + COLUMNS + ", u.department as user_department, "
            + VoicemailColumns.labelled("vm", "vm_") + ", vu.department as vm_assignee_department "
            + "from calls c left join users u on u.id = c.user_id "
            + "left join lateral (select * from voicemails v where v.call_id = c.id "
            + "order by v.created_at desc, v.id desc limit 1) vm on true "
            + "left join users vu on vu.id = vm.assigned_to_id where c.id = ?";

    /** The call, its user's department and its voicemail, whoever may see them; callers check visibility. */
    public Optional<CallDetailRow> findDetail(Sql sql, UUID id) {
        return sql.queryOne("calls.detailById", DETAIL, row -> {
            CallRow call = new CallRow(call(row), row.getString("user_department"));
            var voicemail = VoicemailColumns.read(row, "vm_");
            return new CallDetailRow(call, voicemail == null ? null
                    : new VoicemailRow(voicemail, row.getString("vm_assignee_department")));
        }, id);
    }

    /** One page (plus one row) of the calls the caller may see in {@code filter}, newest first, after {@code cursor}. */
    public List<Call> list(Sql sql, Caller caller, CallFilter filter, Cursor cursor, int fetchSize) {
        Visibility.Fragment visible = Visibility.ownerOrDepartmentOfRecord(caller, "c.user_id", "c.department");
        StringBuilder where = new StringBuilder(visible.sql());
        List<Object> params = new ArrayList<>(visible.params());
        appendIf(where, params, " and c.direction = ?", filter.direction() == null ? null : filter.direction().wireName());
        appendIf(where, params, " and c.status = ?", filter.status() == null ? null : filter.status().wireName());
        appendIf(where, params, " and c.user_id = ?", filter.userId());
        appendIf(where, params, " and c.contact_id = ?", filter.contactId());
        if (filter.phone() != null) {
            where.append(" and (c.from_number = ? or c.to_number = ?)");
            params.add(filter.phone());
            params.add(filter.phone());
        }
        appendIf(where, params, " and c.created_at >= ?", filter.from());
        appendIf(where, params, " and c.created_at < ?", filter.to());
        if (cursor != null) {
            where.append(" and (c.created_at, c.id) < (?, ?)");
            params.add(cursorTime(cursor));
            params.add(cursor.id());
        }
        params.add(fetchSize);
        return sql.query("calls.list", "select " + COLUMNS + " from calls c where " + where
                + " order by c.created_at desc, c.id desc limit ?", CALL, params.toArray());
    }

    /** The cursor after {@code call} in the call history. */
    public static Cursor cursorOf(Call call) {
        return new Cursor(SORT, call.createdAt().toString(), call.id());
    }

    private static Instant cursorTime(Cursor cursor) {
        try {
            return Instant.parse(cursor.value());
        } catch (DateTimeParseException e) {
            throw BadRequestError.field("cursor", "not a cursor returned by this API");
        }
    }

    private static void appendIf(StringBuilder where, List<Object> params, String sql, Object param) {
        if (param != null) {
            where.append(sql);
            params.add(param);
        }
    }

    /** The call in a row that selected {@link #COLUMNS}. */
    static Call call(ResultSet row) throws SQLException {
        String direction = row.getString("direction");
        String status = row.getString("status");
        return new Call(Rows.uuid(row, "id"),
                CallDirection.fromWire(direction).orElseThrow(() -> unknown("direction", direction)),
                CallStatus.fromWire(status).orElseThrow(() -> unknown("status", status)),
                row.getString("from_number"), row.getString("to_number"), Rows.uuid(row, "user_id"),
                Rows.uuid(row, "contact_id"), row.getString("twilio_call_sid"), Rows.instant(row, "started_at"),
                Rows.instant(row, "answered_at"), Rows.instant(row, "ended_at"), Rows.integer(row, "duration_seconds"),
                Recordings.playableUrl(row.getString("recording_url")), row.getString("department"),
                Rows.instant(row, "created_at"), Rows.instant(row, "updated_at"), row.getLong("version"));
    }

    private static IllegalStateException unknown(String column, String value) {
        return new IllegalStateException("calls - unknown " + column + " in database: " + value);
    }
}
