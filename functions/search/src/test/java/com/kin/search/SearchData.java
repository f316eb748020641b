package com.kin.search;

import com.kin.testing.Fixtures;
import com.kin.testing.TestDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;

/** Rows the search tests insert with plain JDBC, bypassing the code under test. */
final class SearchData {

    private static final Instant T0 = Instant.parse("2026-01-01T10:00:00Z");

    private final TestDatabase db;
    private int minutes;

    SearchData(TestDatabase db) {
        this.db = db;
    }

    UUID contact(UUID owner, String firstName, String lastName, String organization) {
        UUID id = UUID.randomUUID();
        execute("insert into contacts (id, owner_id, first_name, last_name, organization) values (?, ?, ?, ?, ?)",
                id, owner, firstName, lastName, organization);
        return id;
    }

    /** A message, each one a minute newer than the one before. */
    UUID message(UUID user, UUID contact, String body) {
        UUID id = UUID.randomUUID();
        Timestamp at = Timestamp.from(T0.plusSeconds(60L * ++minutes));
        execute("insert into messages (id, direction, status, body, from_number, to_number, user_id, contact_id, "
                + "created_at, updated_at) values (?, 'inbound', 'received', ?, '+14155550100', '+14155550199', ?, ?, ?, ?)",
                id, body, user, contact, at, at);
        return id;
    }

    UUID voicemail(UUID assignee, String department, String transcription) {
        UUID id = UUID.randomUUID();
        String sid = Fixtures.sid("RE");
        Timestamp at = Timestamp.from(T0.plusSeconds(60L * ++minutes));
        execute("insert into voicemails (id, assigned_to_id, department, from_number, recording_sid, recording_url, "
                        + "transcription, created_at, updated_at) values (?, ?, ?, '+14155550123', ?, ?, ?, ?, ?)",
                id, assignee, department, sid, "https://api.twilio.com/2010-04-01/Recordings/" + sid, transcription, at, at);
        return id;
    }

    int execute(String sql, Object... params) {
        try (Connection c = db.dataSource().getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                s.setObject(i + 1, params[i]);
            }
            return s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("test data - failed to run: " + sql, e);
        }
    }
}
