package com.kin.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.kin.load.copy.ProgressBar;
import com.kin.load.data.Dataset;
import com.kin.load.data.Scale;
import com.kin.testing.TestDatabase;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

class SeederIT {

    private static final Instant END = Instant.parse("2025-06-01T00:00:00Z");
    /** Rows of conversations that differ from a recomputation from messages, in either direction. */
    private static final String CONVERSATION_MISMATCHES = """
            with recomputed as (
                select c.id as contact_id, c.owner_id, latest.id as last_message_id,
                       latest.created_at as last_message_at,
                       (select count(*) from messages u
                         where u.contact_id = c.id and u.direction = 'inbound' and u.read_at is null)::int
                           as unread_count
                  from contacts c
                 cross join lateral (select m.id, m.created_at from messages m where m.contact_id = c.id
                                      order by m.created_at desc, m.id desc limit 1) latest
            ), stored as (
                select contact_id, owner_id, last_message_id, last_message_at, unread_count from conversations
            )
            select (select count(*) from (select * from stored except select * from recomputed) a)
                 + (select count(*) from (select * from recomputed except select * from stored) b)""";

    private static TestDatabase database;

    @BeforeEach
    void emptyDatabase() {
        database = TestDatabase.get();
        database.truncateAll();
    }

    @Test
    void seed10k_twice_loadsOnce_andConversationsMatchMessages() throws SQLException {
        ByteArrayOutputStream progress = new ByteArrayOutputStream();
        SeedResult first = seed(Scale.SMALL, progress);
        SeedResult second = seed(Scale.SMALL, progress);

        assertThat(first.alreadySeeded()).isFalse();
        assertThat(second.alreadySeeded()).isTrue();
        assertThat(second.describe()).isEqualTo("already seeded at scale 10k; nothing to do");
        assertThat(count("users where email like 'seed-user%@kin.local'")).isEqualTo(200);
        assertThat(count("contacts")).isEqualTo(10_000);
        assertThat(count("calls")).isEqualTo(30_000);
        assertThat(count("messages")).isEqualTo(30_000);
        assertThat(count("voicemails")).isEqualTo(3_000);
        assertThat(count("phone_numbers")).as("one of our numbers per department").isEqualTo(10);
        assertThat(count("calls c join phone_numbers p on p.number = c.to_number where c.direction = 'inbound'"))
                .as("inbound calls dialled our numbers").isEqualTo(count("calls where direction = 'inbound'"));
        assertThat(count("voicemails v join calls c on c.id = v.call_id where c.status = 'no-answer'"
                + " and c.direction = 'inbound' and c.contact_id = v.contact_id")).isEqualTo(3_000);
        assertThat(count("conversations")).isEqualTo(count("(select distinct contact_id from messages) t"));
        assertThat(scalar(CONVERSATION_MISMATCHES)).isZero();
        assertThat(progress.toString()).contains("messages", "100%");
    }

    @Test
    void afterSeed_messageTriggersAreEnabledAndIndexesAreBack() throws SQLException {
        seed(Scale.SMALL, new ByteArrayOutputStream());

        assertThat(count("pg_trigger where tgname in ('messages_conversations_insert', 'messages_contact_owner_copy',"
                + " 'messages_contact_owner_recheck_insert') and tgenabled = 'O'")).isEqualTo(3);
        assertThat(count("pg_indexes where tablename = 'messages' and indexname = 'idx_messages_search'"))
                .isEqualTo(1);
        assertThat(count("pg_indexes where tablename = 'contacts' and indexname = 'idx_contacts_search_text_trgm'"))
                .isEqualTo(1);
        execute("insert into messages (direction, status, body, from_number, to_number, contact_id, created_at)"
                + " select 'inbound', 'received', 'new', '+12025550100', '+12025550101', contact_id,"
                + " last_message_at + interval '1 second' from conversations order by contact_id limit 1");
        assertThat(scalar(CONVERSATION_MISMATCHES)).isZero();
        assertThat(count("messages m join contacts c on c.id = m.contact_id"
                + " where m.contact_owner_id is distinct from c.owner_id")).isZero();
    }

    @Test
    void seededMessages_carryTheirContactsOwner() throws SQLException {
        seed(Scale.SMALL, new ByteArrayOutputStream());

        assertThat(count("messages where contact_id is not null")).isPositive();
        assertThat(count("messages m left join contacts c on c.id = m.contact_id"
                + " where m.contact_owner_id is distinct from c.owner_id")).isZero();
    }

    @Test
    void otherScaleOnSeededDatabase_isRefused() throws SQLException {
        seed(Scale.SMALL, new ByteArrayOutputStream());

        assertThatThrownBy(() -> seed(Scale.LARGE, new ByteArrayOutputStream()))
                .isInstanceOf(SeedRefusedException.class)
                .hasMessageContaining("already seeded at scale 10k")
                .hasMessageContaining("refusing to add scale 1m");
        assertThat(count("contacts")).isEqualTo(10_000);
    }

    /** The 1m measurement for docs/PERFORMANCE.md: -Dkin.seed.measure=1m, never in CI. */
    @Test
    @EnabledIfSystemProperty(named = "kin.seed.measure", matches = "1m|10k")
    void measure() throws SQLException {
        long began = System.nanoTime();
        SeedResult result;
        try (Connection connection = database.dataSource().getConnection()) {
            result = new Seeder(Clock.systemUTC(), ProgressBar.onStderr()).seed(connection,
                    new Dataset(Dataset.DEFAULT_SEED, Scale.parse(System.getProperty("kin.seed.measure")), END));
        }
        System.err.printf("seed measure: %s, wall %d s%n", result.describe(), (System.nanoTime() - began) / 1_000_000_000L);
        assertThat(scalar(CONVERSATION_MISMATCHES)).isZero();
        database.truncateAll();
    }

    private static SeedResult seed(Scale scale, ByteArrayOutputStream progress) throws SQLException {
        try (Connection connection = database.dataSource().getConnection()) {
            Seeder seeder = new Seeder(Clock.fixed(END, ZoneOffset.UTC), new ProgressBar(new PrintStream(progress), false));
            return seeder.seed(connection, new Dataset(Dataset.DEFAULT_SEED, scale, END));
        }
    }

    private static long count(String from) throws SQLException {
        return scalar("select count(*) from " + from);
    }

    private static long scalar(String sql) throws SQLException {
        try (Connection connection = database.dataSource().getConnection();
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private static void execute(String sql) throws SQLException {
        try (Connection connection = database.dataSource().getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
