package com.kin.calls;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;
import javax.sql.DataSource;

/** Inserts calls and voicemails with the exact ids, owners, departments and times a test needs. */
final class CallData {

    static final String RECORDINGS = "https://api.twilio.com/2010-04-01/Accounts/AC00000000000000000000000000000000/Recordings/";

    private CallData() {
    }

    /** A call; {@code userId} and {@code recordingSid} may be null. */
    static void call(DataSource ds, UUID id, UUID userId, String direction, String status, String from, String to,
                     String department, Instant createdAt, String recordingSid) {
        execute(ds, """
                insert into calls (id, direction, status, from_number, to_number, user_id, twilio_call_sid, started_at,
                                   recording_sid, recording_url, department, created_at, updated_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                id, direction, status, from, to, userId, "CA" + id.toString().replace("-", ""), ts(createdAt),
                recordingSid, recordingSid == null ? null : RECORDINGS + recordingSid, department, ts(createdAt),
                ts(createdAt));
    }

    /** An unread voicemail on {@code callId} (may be null) for {@code assigneeId} (may be null) in {@code department}. */
    static void voicemail(DataSource ds, UUID id, UUID callId, UUID assigneeId, String department, Instant createdAt) {
        String recordingSid = "RE" + id.toString().replace("-", "");
        execute(ds, """
                insert into voicemails (id, call_id, assigned_to_id, department, from_number, recording_sid,
                                        recording_url, transcription, duration_seconds, created_at, updated_at)
                values (?, ?, ?, ?, '+14155550101', ?, ?, 'Please call me back about my order.', 14, ?, ?)""",
                id, callId, assigneeId, department, recordingSid, RECORDINGS + recordingSid, ts(createdAt), ts(createdAt));
    }

    private static Timestamp ts(Instant instant) {
        return Timestamp.from(instant);
    }

    private static void execute(DataSource ds, String sql, Object... params) {
        try (Connection connection = ds.getConnection(); PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                statement.setObject(i + 1, params[i]);
            }
            statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("test data - failed to run: " + sql, e);
        }
    }
}
