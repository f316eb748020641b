package com.kin.voicemails;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;
import javax.sql.DataSource;

/** Inserts voicemails with the exact ids, assignees, departments, priorities and times a test needs, and reads them back. */
final class VoicemailData {

    static final String RECORDINGS = "https://api.twilio.com/2010-04-01/Accounts/AC00000000000000000000000000000000/Recordings/";

    /** What a test checks of a stored voicemail. */
    record Stored(String priority, boolean read, UUID assignedToId, long version) {
    }

    private VoicemailData() {
    }

    /** A voicemail for {@code assigneeId} (null: unassigned) queued for {@code department}. */
    static void voicemail(DataSource ds, UUID id, UUID assigneeId, String department, String priority, boolean read,
                          Instant createdAt) {
        String recordingSid = "RE" + id.toString().replace("-", "");
        execute(ds, """
                insert into voicemails (id, assigned_to_id, department, priority, from_number, read_at, recording_sid,
                                        recording_url, transcription, duration_seconds, created_at, updated_at)
                values (?, ?, ?, ?, '+14155550101', ?, ?, ?, 'Hi, please call me back about invoice 42.', 21, ?, ?)""",
                id, assigneeId, department, priority, read ? Timestamp.from(createdAt.plusSeconds(60)) : null,
                recordingSid, RECORDINGS + recordingSid, Timestamp.from(createdAt), Timestamp.from(createdAt));
    }

    /** The voicemail as stored, or null when it is gone. */
    static Stored stored(DataSource ds, UUID id) {
        try (Connection connection = ds.getConnection();
             PreparedStatement statement = connection.prepareStatement(
                     "select priority, read_at is not null, assigned_to_id, version from voicemails where id = ?")) {
            statement.setObject(1, id);
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next()
                        ? new Stored(rows.getString(1), rows.getBoolean(2), rows.getObject(3, UUID.class), rows.getLong(4))
                        : null;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("test data - cannot read voicemail " + id, e);
        }
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
