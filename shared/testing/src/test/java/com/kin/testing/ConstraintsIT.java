package com.kin.testing;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.postgresql.util.PSQLException;

import javax.sql.DataSource;
import java.sql.SQLException;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/** The schema itself rejects values the domain forbids, naming the constraint that was broken. */
class ConstraintsIT {

    private static final String CHECK_VIOLATION = "23514";
    private static final String UNIQUE_VIOLATION = "23505";
    private static final String USER = "insert into users (email, name, role, phone_number) values (%s, 'A', %s, %s)";
    /** A contact insert with valid values for every column but the one a case overrides. */
    private static final String CONTACT = "insert into contacts (owner_id, first_name, %s) "
            + "values ((select id from users limit 1), 'Ada', %s)";

    private static DataSource ds;
    private static UUID owner;

    @BeforeAll
    static void oneUser() {
        TestDatabase.get().truncateAll();
        ds = TestDatabase.get().dataSource();
        owner = Fixtures.user(ds, "agent", "dept-a");
    }

    static Stream<Arguments> valuesTheDomainForbids() {
        return Stream.of(
                arguments("users_role_allowed", USER.formatted("'a@x.io'", "'root'", "null")),
                arguments("users_phone_number_e164", USER.formatted("'b@x.io'", "'agent'", "'5551234'")),
                arguments("users_email_shape", USER.formatted("'no-at-sign'", "'admin'", "null")),
                arguments("contacts_phone_e164", CONTACT.formatted("phone", "'555-123-4567'")),
                arguments("contacts_mobile_phone_e164", CONTACT.formatted("mobile_phone", "'+0123456789'")),
                arguments("contacts_email_shape", CONTACT.formatted("email", "repeat('a', 250) || '@x.io'")),
                arguments("contacts_tags_valid", CONTACT.formatted("tags", "array['VIP']")),
                arguments("contacts_tags_valid", CONTACT.formatted("tags", "array['-vip']")),
                arguments("contacts_tags_valid", CONTACT.formatted("tags", "array['has space']")),
                arguments("contacts_tags_valid", CONTACT.formatted("tags", "array[repeat('a', 33)]")),
                arguments("contacts_tags_valid", CONTACT.formatted("tags", "array['ok', null]")),
                arguments("contacts_tags_valid",
                        CONTACT.formatted("tags", "array(select 't' || g from generate_series(1, 21) g)")),
                arguments("contacts_first_name_length",
                        "insert into contacts (owner_id, first_name) values ((select id from users limit 1), ' ')"),
                arguments("contacts_last_name_length", CONTACT.formatted("last_name", "repeat('x', 101)")),
                arguments("contacts_organization_length", CONTACT.formatted("organization", "repeat('x', 201)")),
                arguments("contacts_notes_length", CONTACT.formatted("notes", "repeat('x', 4001)")),
                arguments("calls_direction_allowed", call("'sideways'", "'completed'", "null")),
                arguments("calls_status_allowed", call("'inbound'", "'answered'", "null")),
                arguments("calls_duration_seconds_non_negative", call("'inbound'", "'completed'", "-1")),
                arguments("messages_status_allowed", message("'bounced'", "'hi'")),
                arguments("messages_body_length", message("'queued'", "repeat('x', 1601)")),
                arguments("message_templates_body_length",
                        "insert into message_templates (name, body) values ('empty', '')"),
                arguments("voicemails_priority_allowed", voicemail("'critical'", "null")),
                arguments("voicemails_duration_seconds_non_negative", voicemail("'high'", "-5")),
                arguments("phone_numbers_number_e164",
                        "insert into phone_numbers (number, department) values ('+1 555 0100', 'sales')"));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("valuesTheDomainForbids")
    void forbiddenValue_rejectedByNamedCheck(String constraint, String insert) {
        assertViolates(CHECK_VIOLATION, constraint, insert);
    }

    @Test
    void validContact_withTwentyTagsAndE164Phones_isAccepted() throws SQLException {
        int inserted = Sql.update(ds, """
                insert into contacts (owner_id, first_name, phone, mobile_phone, email, tags)
                values (?, 'Grace', '+442071838750', '+15550100', 'grace@example.com',
                        array(select 'tag_' || g || '-x' from generate_series(1, 20) g))""", owner);

        assertThat(inserted).isEqualTo(1);
    }

    @Test
    void duplicateTwilioCallSid_rejected() {
        String sid = Sql.value(ds, String.class, "select twilio_call_sid from calls where id = ?",
                Fixtures.call(ds, owner, null));

        assertViolates(UNIQUE_VIOLATION, "calls_twilio_call_sid_key", """
                insert into calls (direction, status, from_number, to_number, twilio_call_sid)
                values ('inbound', 'ringing', '+15550100', '+15550101', ?)""", sid);
    }

    @Test
    void duplicateSids_rejectedForMessagesVoicemailsAndWorkers() throws SQLException {
        String messageSid = Fixtures.sid("SM");
        Sql.update(ds, "update messages set twilio_message_sid = ? where id = ?", messageSid,
                Fixtures.message(ds, owner, null));
        assertViolates(UNIQUE_VIOLATION, "messages_twilio_message_sid_key",
                "update messages set twilio_message_sid = ? where id = ?", messageSid,
                Fixtures.message(ds, owner, null));

        String recordingSid = Sql.value(ds, String.class, "select recording_sid from voicemails where id = ?",
                Fixtures.voicemail(ds, owner, "dept-a"));
        assertViolates(UNIQUE_VIOLATION, "voicemails_recording_sid_key",
                "update voicemails set recording_sid = ? where id = ?", recordingSid,
                Fixtures.voicemail(ds, owner, null));

        String workerSid = Sql.value(ds, String.class, "select twilio_worker_sid from users where id = ?", owner);
        assertViolates(UNIQUE_VIOLATION, "users_twilio_worker_sid_key",
                "update users set twilio_worker_sid = ? where id = ?", workerSid, Fixtures.user(ds, "agent", null));
    }

    @Test
    void messagesAwaitingTwilio_mayAllHaveNullSid() throws SQLException {
        String pending = "insert into messages (direction, status, body, from_number, to_number) "
                + "values ('outbound', 'queued', 'hi', '+15550100', '+15550101')";

        assertThat(Sql.update(ds, pending) + Sql.update(ds, pending)).isEqualTo(2);
    }

    @Test
    void emailDifferingOnlyInCase_rejected() throws SQLException {
        Sql.update(ds, "insert into users (email, name, role) values ('Case@Example.com', 'One', 'agent')");

        assertViolates(UNIQUE_VIOLATION, "users_email_lower_key",
                "insert into users (email, name, role) values ('case@example.COM', 'Two', 'agent')");
    }

    @Test
    void newRows_getDocumentedDefaults() {
        UUID contact = Fixtures.contact(ds, owner, "Linus", "+15550199");
        UUID call = Fixtures.call(ds, owner, contact);
        UUID voicemail = Fixtures.voicemail(ds, owner, null);

        assertThat(Sql.value(ds, String.class, "select version || ' ' || tags::text || ' ' || sms_opt_out "
                + "from contacts where id = ?", contact)).isEqualTo("1 {} false");
        assertThat(Sql.value(ds, Integer.class, "select status_sequence from calls where id = ?", call)).isEqualTo(-1);
        assertThat(Sql.value(ds, String.class, "select priority from voicemails where id = ?", voicemail))
                .isEqualTo("normal");
        assertThat(Sql.value(ds, String.class, "select preferences::text || active from users where id = ?", owner))
                .isEqualTo("{}true");
    }

    @Test
    void searchText_isLowercasedConcatenationOfContactFields() throws SQLException {
        Sql.update(ds, """
                insert into contacts (owner_id, first_name, last_name, organization, email, phone)
                values (?, 'Barbara', 'LISKOV', 'MIT', 'Barbara@MIT.edu', '+16175550100')""", owner);

        assertThat(Sql.value(ds, String.class, "select search_text from contacts where last_name = 'LISKOV'"))
                .isEqualTo("barbara liskov mit barbara@mit.edu +16175550100 ");
    }

    @Test
    void deletingContact_keepsItsHistoryWithoutTheLink() throws SQLException {
        UUID contact = Fixtures.contact(ds, owner);
        Map<String, UUID> history = Map.of(
                "calls", Fixtures.call(ds, owner, contact),
                "messages", Fixtures.message(ds, owner, contact));

        Sql.update(ds, "delete from contacts where id = ?", contact);

        history.forEach((table, id) -> assertThat(Sql.column(ds, UUID.class,
                "select contact_id from " + table + " where id = ?", id)).as(table).containsOnlyNulls());
    }

    private static void assertViolates(String sqlState, String constraint, String sql, Object... params) {
        assertThatThrownBy(() -> Sql.update(ds, sql, params))
                .isInstanceOfSatisfying(PSQLException.class, e -> {
                    assertThat(e.getSQLState()).isEqualTo(sqlState);
                    assertThat(e.getServerErrorMessage().getConstraint()).isEqualTo(constraint);
                });
    }

    private static String call(String direction, String status, String duration) {
        return "insert into calls (direction, status, from_number, to_number, twilio_call_sid, duration_seconds) "
                + "values (" + direction + ", " + status + ", '+15550100', '+15550101', "
                + "'CA' || md5(random()::text), " + duration + ")";
    }

    private static String message(String status, String body) {
        return "insert into messages (direction, status, body, from_number, to_number) "
                + "values ('outbound', " + status + ", " + body + ", '+15550100', '+15550101')";
    }

    private static String voicemail(String priority, String duration) {
        return "insert into voicemails (priority, from_number, recording_sid, recording_url, duration_seconds) "
                + "values (" + priority + ", '+15550100', 'RE' || md5(random()::text), 'https://r.example/1', "
                + duration + ")";
    }
}
