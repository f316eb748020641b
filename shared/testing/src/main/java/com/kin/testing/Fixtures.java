package com.kin.testing;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HexFormat;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Inserts single rows with sensible, unique defaults and returns their ids.
 *
 * <p>Unique columns (e-mails, Twilio SIDs, phone numbers) get fresh values on every call, so fixtures never
 * collide with each other or with rows a test inserts itself.
 */
public final class Fixtures {

    private static final AtomicLong SEQUENCE = new AtomicLong(ThreadLocalRandom.current().nextLong(1_000_000));

    private Fixtures() {
    }

    /** A user with the given role ('agent', 'manager' or 'admin') and department (may be null). */
    public static UUID user(DataSource ds, String role, String department) {
        long n = SEQUENCE.incrementAndGet();
        return insert(ds, """
                insert into users (email, name, role, department, twilio_worker_sid, phone_number, client_identity)
                values (?, ?, ?, ?, ?, ?, ?) returning id""",
                "user" + n + "@example.com", "User " + n, role, department, sid("WK"), phone(), "client-" + n);
    }

    /** A contact owned by {@code ownerId}, with a first name and a mobile phone. */
    public static UUID contact(DataSource ds, UUID ownerId) {
        return contact(ds, ownerId, "Contact" + SEQUENCE.incrementAndGet(), phone());
    }

    public static UUID contact(DataSource ds, UUID ownerId, String firstName, String mobilePhone) {
        return insert(ds, """
                insert into contacts (owner_id, first_name, last_name, mobile_phone)
                values (?, ?, 'Example', ?) returning id""",
                ownerId, firstName, mobilePhone);
    }

    /** A completed outbound call from the user to the contact (either may be null). */
    public static UUID call(DataSource ds, UUID userId, UUID contactId) {
        return call(ds, userId, contactId, "outbound", "completed");
    }

    public static UUID call(DataSource ds, UUID userId, UUID contactId, String direction, String status) {
        return insert(ds, """
                insert into calls (direction, status, from_number, to_number, user_id, contact_id, twilio_call_sid,
                                   started_at, duration_seconds)
                values (?, ?, ?, ?, ?, ?, ?, now(), 0) returning id""",
                direction, status, phone(), phone(), userId, contactId, sid("CA"));
    }

    /** A delivered outbound message from the user to the contact (either may be null). */
    public static UUID message(DataSource ds, UUID userId, UUID contactId) {
        return message(ds, userId, contactId, "outbound", "delivered", "Hello from KIN");
    }

    public static UUID message(DataSource ds, UUID userId, UUID contactId, String direction, String status,
                               String body) {
        return insert(ds, """
                insert into messages (direction, status, body, from_number, to_number, user_id, contact_id,
                                      twilio_message_sid)
                values (?, ?, ?, ?, ?, ?, ?, ?) returning id""",
                direction, status, body, phone(), phone(), userId, contactId, sid("SM"));
    }

    /** An unread, normal-priority voicemail assigned to the user (may be null). */
    public static UUID voicemail(DataSource ds, UUID assignedToId, String department) {
        return voicemail(ds, assignedToId, department, "normal");
    }

    public static UUID voicemail(DataSource ds, UUID assignedToId, String department, String priority) {
        String recordingSid = sid("RE");
        return insert(ds, """
                insert into voicemails (assigned_to_id, department, priority, from_number, recording_sid,
                                        recording_url, duration_seconds)
                values (?, ?, ?, ?, ?, ?, 12) returning id""",
                assignedToId, department, priority, phone(), recordingSid,
                "https://api.twilio.com/2010-04-01/Recordings/" + recordingSid);
    }

    public static UUID template(DataSource ds, String name, String body) {
        return insert(ds, "insert into message_templates (name, body) values (?, ?) returning id", name, body);
    }

    /** Routes one of our Twilio numbers to a department. */
    public static void phoneNumber(DataSource ds, String number, String department) {
        execute(ds, "insert into phone_numbers (number, department) values (?, ?)", number, department);
    }

    /** A fresh Twilio-shaped SID: the two-letter prefix ("CA", "SM", "RE", "WK", ...) and 32 hex digits. */
    public static String sid(String prefix) {
        byte[] random = new byte[16];
        ThreadLocalRandom.current().nextBytes(random);
        return prefix + HexFormat.of().formatHex(random);
    }

    /** A fresh E.164 number in the +1 555 range. */
    public static String phone() {
        return String.format("+1555%07d", SEQUENCE.incrementAndGet() % 10_000_000);
    }

    private static UUID insert(DataSource ds, String sql, Object... params) {
        try (Connection connection = ds.getConnection();
             PreparedStatement statement = Jdbc.prepare(connection, sql, params);
             ResultSet rows = statement.executeQuery()) {
            rows.next();
            return rows.getObject(1, UUID.class);
        } catch (SQLException e) {
            throw new IllegalStateException("fixtures - failed to run: " + sql, e);
        }
    }

    private static void execute(DataSource ds, String sql, Object... params) {
        try (Connection connection = ds.getConnection();
             PreparedStatement statement = Jdbc.prepare(connection, sql, params)) {
            statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("fixtures - failed to run: " + sql, e);
        }
    }
}
