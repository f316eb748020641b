package com.kin.testing;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The shared database, the fixtures and the plan helpers behave as other modules' tests rely on. */
class DatabaseSupportIT {

    private final TestDatabase database = TestDatabase.get();
    private final DataSource ds = database.dataSource();

    @BeforeEach
    void emptyTables() {
        database.truncateAll();
    }

    @Test
    void get_returnsTheOneInstanceOfThisJvm() {
        assertThat(TestDatabase.get()).isSameAs(database);
        assertThat(database.startupMillis()).isPositive();
    }

    @Test
    void urls_pointAtTheSameLoopbackDatabase() throws SQLException {
        assertThat(database.jdbcUrl()).isEqualTo("jdbc:postgresql://127.0.0.1:" + database.port() + "/postgres");
        assertThat(database.awsWrapperUrl())
                .isEqualTo("jdbc:aws-wrapper:postgresql://127.0.0.1:" + database.port() + "/postgres");

        try (Connection connection = DriverManager.getConnection(database.jdbcUrl(), database.user(),
                database.password())) {
            assertThat(connection.isValid(1)).isTrue();
        }
    }

    @Test
    void truncateAll_emptiesEveryDomainTable_keepsMigrationHistory() {
        UUID agent = Fixtures.user(ds, "agent", "dept-a");
        UUID contact = Fixtures.contact(ds, agent);
        Fixtures.voicemail(ds, agent, "dept-a");
        Fixtures.message(ds, agent, contact);
        Fixtures.phoneNumber(ds, Fixtures.phone(), "dept-a");
        long migrations = Sql.value(ds, Long.class, "select count(*) from flyway_schema_history where success");

        database.truncateAll();

        assertThat(Sql.value(ds, Long.class, """
                select (select count(*) from users) + (select count(*) from contacts) + (select count(*) from messages)
                     + (select count(*) from voicemails) + (select count(*) from phone_numbers)""")).isZero();
        assertThat(migrations).isGreaterThanOrEqualTo(9L);
        assertThat(Sql.value(ds, Long.class, "select count(*) from flyway_schema_history where success"))
                .isEqualTo(migrations);
    }

    @Test
    void fixtures_insertLinkedRowsWithFreshTwilioSids() {
        UUID manager = Fixtures.user(ds, "manager", "dept-b");
        UUID contact = Fixtures.contact(ds, manager, "Grace", "+15550142");
        UUID call = Fixtures.call(ds, manager, contact, "inbound", "ringing");
        Fixtures.call(ds, manager, contact);

        assertThat(Sql.value(ds, String.class, "select c.first_name || ' ' || u.role from calls k "
                + "join contacts c on c.id = k.contact_id join users u on u.id = k.user_id where k.id = ?", call))
                .isEqualTo("Grace manager");
        assertThat(Sql.column(ds, String.class, "select twilio_call_sid from calls"))
                .hasSize(2).doesNotHaveDuplicates().allMatch(sid -> sid.matches("CA[0-9a-f]{32}"));
    }

    @Test
    void explain_listsPlanNodes_andAssertionsFailWithThePlan() {
        String byLabel = "select number from phone_numbers where label = ?";

        assertThat(Explain.plan(ds, byLabel, "main line")).startsWith("[").contains("\"Node Type\"");
        assertThat(Explain.nodes(ds, byLabel, "main line"))
                .containsExactly(new Explain.PlanNode("Seq Scan", "phone_numbers", null));
        assertThatThrownBy(() -> Explain.assertNoSeqScan(ds, "phone_numbers", byLabel, "main line"))
                .isInstanceOf(AssertionError.class).hasMessageContaining("Seq Scan on phone_numbers");
        assertThatThrownBy(() -> Explain.assertUsesIndex(ds, "idx_contacts_tags", byLabel, "main line"))
                .isInstanceOf(AssertionError.class).hasMessageContaining("idx_contacts_tags");
    }

    @Test
    void bulkLoad_largeEnoughToDeferIndexes_restoresEveryIndexAndComment() {
        String catalog = """
                select pg_get_indexdef(x.indexrelid) || ' -- '
                       || coalesce(obj_description(x.indexrelid, 'pg_class'), '')
                  from pg_index x where x.indrelid = 'contacts'::regclass order by 1""";
        List<String> before = Sql.column(ds, String.class, catalog);
        BulkLoader loader = new BulkLoader(ds);
        List<UUID> owners = loader.users(3, "agent", "dept-c");

        int inserted = loader.contacts(10_000, owners);

        assertThat(inserted).isEqualTo(10_000);
        assertThat(Sql.column(ds, String.class, catalog)).isEqualTo(before);
        assertThat(Sql.value(ds, Long.class, "select count(distinct owner_id) from contacts")).isEqualTo(3L);
    }

    @Test
    void bulkLoad_failing_rollsBackRowsAndKeepsIndexes() {
        String callIndexes = "select indexname from pg_indexes where tablename = 'calls' order by 1";
        List<String> indexesBefore = Sql.column(ds, String.class, callIndexes);
        UUID unknownUser = UUID.randomUUID();

        assertThatThrownBy(() -> new BulkLoader(ds).calls(10_000, List.of(unknownUser)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("10000 calls");

        assertThat(Sql.value(ds, Long.class, "select count(*) from calls")).isZero();
        assertThat(Sql.column(ds, String.class, callIndexes)).isEqualTo(indexesBefore);
    }
}
