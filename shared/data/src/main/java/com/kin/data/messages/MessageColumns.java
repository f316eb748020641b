package com.kin.data.messages;

import com.kin.core.domain.Message;
import com.kin.core.error.BadRequestError;
import com.kin.core.page.Cursor;
import com.kin.data.Rows;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/** The message columns every message statement selects (table alias {@code m}), and how a row becomes a {@link Message}. */
public final class MessageColumns {

    static final String COLUMNS = "m.id, m.direction, m.status, m.body, m.from_number, m.to_number, m.user_id, "
            + "m.contact_id, m.template_id, m.bulk_job_id, m.twilio_message_sid, m.error_code, m.error_message, m.sent_at, "
            + "m.delivered_at, m.read_at, m.created_at, m.updated_at, m.version";

    private MessageColumns() {
    }

    static Message read(ResultSet row) throws SQLException {
        return new Message(Rows.uuid(row, "id"), row.getString("direction"), row.getString("status"),
                row.getString("body"), row.getString("from_number"), row.getString("to_number"),
                Rows.uuid(row, "user_id"), Rows.uuid(row, "contact_id"), Rows.uuid(row, "template_id"),
                Rows.uuid(row, "bulk_job_id"), row.getString("twilio_message_sid"), Rows.integer(row, "error_code"),
                row.getString("error_message"), Rows.instant(row, "sent_at"), Rows.instant(row, "delivered_at"),
                Rows.instant(row, "read_at"), Rows.instant(row, "created_at"), Rows.instant(row, "updated_at"),
                row.getLong("version"));
    }

    /** The time a newest-first cursor points after; 400 when the cursor was not made by this API. */
    static Instant cursorTime(Cursor cursor) {
        try {
            return Instant.parse(cursor.value());
        } catch (DateTimeParseException e) {
            throw BadRequestError.field("cursor", "not a cursor returned by this API");
        }
    }
}
