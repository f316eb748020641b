package com.kin.db;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The migration files as Flyway will find them in the kin-db jar: one concern per file, versions without gaps,
 * nothing Flyway cannot run inside its per-migration transaction, every index explained. The SQL itself is exercised against PostgreSQL
 * by the *IT tests of shared/testing.
 */
class MigrationFilesTest {

    private static final Pattern NAME = Pattern.compile("V(\\d+)__([a-z_]+)\\.sql");

    @Test
    void baseSchema_isOneConcernPerFile_inTheFirstNineVersions() throws Exception {
        assertThat(migrationNames()).startsWith(
                "V1__extensions.sql", "V2__users.sql", "V3__contacts.sql", "V4__calls.sql",
                "V5__message_templates.sql", "V6__messages.sql", "V7__voicemails.sql", "V8__routing.sql",
                "V9__indexes.sql");
    }

    @Test
    void versions_runFromOneWithoutGapsOrDuplicates() throws Exception {
        List<Integer> versions = migrationNames().stream().map(MigrationFilesTest::version).toList();

        assertThat(versions).isEqualTo(IntStream.rangeClosed(1, versions.size()).boxed().toList());
    }

    @Test
    void everyMigrationName_followsFlywayVersionedNaming() throws Exception {
        assertThat(migrationNames()).allMatch(name -> NAME.matcher(name).matches());
    }

    @Test
    void noMigration_needsToRunOutsideATransaction() throws Exception {
        for (Path file : migrationFiles()) {
            String sql = Files.readString(file, StandardCharsets.UTF_8).toLowerCase(Locale.ROOT);
            assertThat(sql).as(file.getFileName().toString())
                    .doesNotContain("concurrently")
                    .doesNotContain("alter type")
                    .doesNotContain("vacuum");
        }
    }

    @Test
    void everyIndex_isCommentedWithTheQueryItServes() throws Exception {
        for (Path file : migrationFiles()) {
            String sql = Files.readString(file, StandardCharsets.UTF_8);
            List<String> created = names(sql, "create index (idx_\\w+)");
            List<String> commented = names(sql, "comment on index (idx_\\w+) is");

            assertThat(commented).as(file.getFileName().toString()).containsExactlyInAnyOrderElementsOf(created);
        }
    }

    /** V9 holds the guide's indexes plus the paging and search ones; each is justified by a query in its comment. */
    @Test
    void indexMigration_createsExactlyTheJustifiedIndexes() throws Exception {
        String sql = Files.readString(migrationDirectory().resolve("V9__indexes.sql"), StandardCharsets.UTF_8);

        assertThat(names(sql, "create index (idx_\\w+)")).containsExactly(
                "idx_users_role_department", "idx_users_department", "idx_users_created_at_id",
                "idx_users_updated_at_id",
                "idx_contacts_owner_id_updated_at_id", "idx_contacts_updated_at_id", "idx_contacts_created_at_id",
                "idx_contacts_first_name_last_name_id", "idx_contacts_organization", "idx_contacts_tags",
                "idx_contacts_search_text_trgm", "idx_contacts_phone", "idx_contacts_mobile_phone",
                "idx_calls_direction_created_at_id", "idx_calls_status", "idx_calls_started_at", "idx_calls_ended_at",
                "idx_calls_created_at_id", "idx_calls_user_id_status", "idx_calls_contact_id_status",
                "idx_calls_from_number_to_number", "idx_calls_user_id_created_at_id",
                "idx_calls_contact_id_created_at_id", "idx_calls_department_created_at_id",
                "idx_messages_direction_created_at_id", "idx_messages_sent_at", "idx_messages_delivered_at",
                "idx_messages_read_at", "idx_messages_template_id", "idx_messages_user_id_status",
                "idx_messages_contact_id_status", "idx_messages_status_created_at_id",
                "idx_messages_contact_id_created_at_id", "idx_messages_bulk_job_id", "idx_messages_body_fts",
                "idx_voicemails_updated_at_id", "idx_voicemails_read_at", "idx_voicemails_assigned_to_id_priority",
                "idx_voicemails_assigned_to_id_read_at", "idx_voicemails_priority_created_at_id",
                "idx_voicemails_assigned_to_id_created_at_id", "idx_voicemails_department_created_at_id",
                "idx_voicemails_contact_id_created_at_id", "idx_voicemails_call_id",
                "idx_voicemails_transcription_fts");
    }

    private static List<String> names(String sql, String regex) {
        Matcher matcher = Pattern.compile(regex).matcher(sql);
        return matcher.results().map(result -> result.group(1)).toList();
    }

    private static List<String> migrationNames() throws IOException, URISyntaxException {
        List<Path> files = migrationFiles();
        return files.stream()
                .map(file -> file.getFileName().toString())
                .sorted((a, b) -> Integer.compare(version(a), version(b)))
                .toList();
    }

    private static int version(String name) {
        Matcher matcher = NAME.matcher(name);
        return matcher.matches() ? Integer.parseInt(matcher.group(1)) : Integer.MAX_VALUE;
    }

    private static List<Path> migrationFiles() throws IOException, URISyntaxException {
        try (Stream<Path> files = Files.list(migrationDirectory())) {
            return files.toList();
        }
    }

    private static Path migrationDirectory() throws URISyntaxException {
        return Path.of(MigrationFilesTest.class.getClassLoader().getResource("db/migration").toURI());
    }
}
