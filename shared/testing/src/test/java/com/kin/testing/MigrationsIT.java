package com.kin.testing;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.postgresql.ds.PGSimpleDataSource;

import java.sql.SQLException;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/** The kin-db migrations build the agreed schema on an empty database, once, and validate afterwards. */
class MigrationsIT {

    private static final String COLUMNS = """
            select a.attname || ' ' || format_type(a.atttypid, a.atttypmod)
                   || case when a.attnotnull then ' not null' else '' end
                   || case when a.attgenerated = 's' then ' generated' else '' end
              from pg_attribute a
             where a.attrelid = cast(? as regclass) and a.attnum > 0 and not a.attisdropped
             order by a.attnum""";
    private static final String AUDIT = "created_at timestamp with time zone not null|"
            + "updated_at timestamp with time zone not null|version bigint not null";

    @Test
    void freshDatabase_appliesEveryMigration_thenHasNothingLeftToApply() throws SQLException {
        String database = "kin_fresh_" + UUID.randomUUID().toString().replace("-", "");
        Sql.update(TestDatabase.get().dataSource(), "create database " + database);
        try {
            Flyway flyway = flywayFor(database);

            int available = flyway.info().all().length;

            MigrateResult first = flyway.migrate();
            MigrateResult second = flyway.migrate();

            assertThat(available).isGreaterThanOrEqualTo(9);
            assertThat(first.migrationsExecuted).isEqualTo(available);
            assertThat(first.targetSchemaVersion).isEqualTo(String.valueOf(available));
            assertThat(second.migrationsExecuted).isZero();
            assertThat(flyway.validateWithResult().validationSuccessful).isTrue();
        } finally {
            Sql.update(TestDatabase.get().dataSource(), "drop database " + database + " with (force)");
        }
    }

    static Stream<Arguments> agreedColumns() {
        return Stream.of(
                arguments("users", "id uuid not null|email text not null|name text not null|role text not null|"
                        + "department text|twilio_worker_sid text|phone_number text|client_identity text|"
                        + "preferences jsonb not null|active boolean not null|" + AUDIT),
                arguments("contacts", "id uuid not null|owner_id uuid not null|first_name text not null|last_name text|"
                        + "organization text|phone text|mobile_phone text|email text|tags text[] not null|"
                        + "sms_opt_out boolean not null|sms_opt_out_at timestamp with time zone|notes text|" + AUDIT
                        + "|search_text text generated"),
                arguments("calls", "id uuid not null|direction text not null|status text not null|"
                        + "from_number text not null|to_number text not null|user_id uuid|contact_id uuid|"
                        + "twilio_call_sid text not null|status_sequence integer not null|"
                        + "started_at timestamp with time zone|answered_at timestamp with time zone|"
                        + "ended_at timestamp with time zone|duration_seconds integer|recording_sid text|"
                        + "recording_url text|department text|" + AUDIT),
                arguments("message_templates", "id uuid not null|name text not null|body text not null|"
                        + "variables text[] not null|created_by uuid|" + AUDIT),
                arguments("messages", "id uuid not null|direction text not null|status text not null|"
                        + "body text not null|from_number text not null|to_number text not null|user_id uuid|"
                        + "contact_id uuid|twilio_message_sid text|template_id uuid|bulk_job_id uuid|"
                        + "error_code integer|error_message text|sent_at timestamp with time zone|"
                        + "delivered_at timestamp with time zone|read_at timestamp with time zone|" + AUDIT),
                arguments("voicemails", "id uuid not null|call_id uuid|contact_id uuid|assigned_to_id uuid|"
                        + "department text|priority text not null|from_number text not null|"
                        + "read_at timestamp with time zone|recording_sid text not null|recording_url text not null|"
                        + "transcription text|transcription_sid text|duration_seconds integer|" + AUDIT),
                arguments("phone_numbers", "number text not null|department text not null|label text|"
                        + "created_at timestamp with time zone not null"));
    }

    /** Later migrations may append columns; the agreed ones come first, with these exact names, types and nullness. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("agreedColumns")
    void table_startsWithTheAgreedColumns(String table, String columns) {
        List<String> actual = Sql.column(TestDatabase.get().dataSource(), String.class, COLUMNS, table);

        assertThat(actual).startsWith(columns.split("\\|"));
    }

    @Test
    void primaryKeys_defaultToRandomUuids() {
        List<String> defaults = Sql.column(TestDatabase.get().dataSource(), String.class, """
                select c.table_name || ' ' || c.column_default from information_schema.columns c
                 where c.table_schema = 'public' and c.column_name = 'id' order by c.table_name""");

        assertThat(defaults).containsExactly("bulk_sms_jobs gen_random_uuid()", "calls gen_random_uuid()",
                "contacts gen_random_uuid()",
                "message_templates gen_random_uuid()", "messages gen_random_uuid()", "users gen_random_uuid()",
                "voicemails gen_random_uuid()");
    }

    private static Flyway flywayFor(String database) {
        TestDatabase shared = TestDatabase.get();
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setUrl("jdbc:postgresql://127.0.0.1:" + shared.port() + "/" + database);
        dataSource.setUser(shared.user());
        dataSource.setPassword(shared.password());
        return Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load();
    }
}
