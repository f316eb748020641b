package com.kin.testing;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The application's hot queries are served by the V9 indexes at 100,000 rows per table. The planner chooses on
 * its own: enable_seqscan stays on, statistics come from ANALYZE, parameters are bound as the application binds
 * them. The team is 100 agents, so one agent owns about 1% of each table; departments range from 50% to 1% of the
 * calls and voicemails (see {@link BulkLoader}).
 */
class QueryPlansIT {

    private static final int ROWS = 100_000;
    /** The keyset cursor of a first page: after every real row. */
    private static final OffsetDateTime FIRST_PAGE_AT = OffsetDateTime.of(2100, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC);
    private static final UUID FIRST_PAGE_ID = UUID.fromString("ffffffff-ffff-ffff-ffff-ffffffffffff");

    private static final String DEPARTMENT_VOICEMAILS = """
            select id, from_number, created_at from voicemails
             where department = ? and (created_at, id) < (?, ?)
             order by created_at desc, id desc limit 50""";

    private static DataSource ds;
    private static List<UUID> agents;

    @BeforeAll
    static void loadHundredThousandRowsPerTable() {
        TestDatabase database = TestDatabase.get();
        database.truncateAll();
        ds = database.dataSource();
        BulkLoader loader = new BulkLoader(ds);
        agents = new ArrayList<>();
        for (int department = 0; department < 4; department++) {
            agents.addAll(loader.users(25, "agent", "dept-" + department));
        }
        assertThat(loader.contacts(ROWS, agents)).isEqualTo(ROWS);
        assertThat(loader.calls(ROWS, agents)).isEqualTo(ROWS);
        assertThat(loader.messages(ROWS, agents)).isEqualTo(ROWS);
        assertThat(loader.voicemails(ROWS, agents)).isEqualTo(ROWS);
        loader.analyze();
    }

    @Test
    void contactsOfOwner_keysetPageByUpdatedAt_usesOwnerUpdatedAtIndex() {
        Explain.assertUsesIndex(ds, "idx_contacts_owner_id_updated_at_id", """
                select id, first_name, last_name, updated_at from contacts
                 where owner_id = ? and (updated_at, id) < (?, ?)
                 order by updated_at desc, id desc limit 50""",
                agents.get(3), FIRST_PAGE_AT, FIRST_PAGE_ID);
    }

    @Test
    void contactSearch_ilikeSubstring_usesATrigramIndex() {
        assertUsesATrigramIndex("select id, first_name, last_name from contacts where search_text ilike ?", "%smi%");
    }

    @Test
    void contactSearch_selectiveTermPage_usesATrigramIndex() {
        assertUsesATrigramIndex("""
                select id, first_name, last_name from contacts
                 where search_text ilike '%' || ? || '%'
                 order by updated_at desc, id desc limit 50""",
                "lovelace1234");
    }

    @Test
    void contactSearch_similarityRanked_usesATrigramIndex() {
        assertUsesATrigramIndex("""
                select id, first_name, last_name from contacts
                 where search_text % ?
                 order by similarity(search_text, ?) desc, id limit 20""",
                "grace smith", "grace smith");
    }

    @Test
    void agentContactSearch_commonTerm_usesOwnerSearchIndex() {
        Explain.assertUsesIndex(ds, "idx_contacts_owner_search_trgm", """
                select id, first_name, last_name from contacts
                 where owner_id = ? and search_text like ? limit 50""",
                agents.get(3), "%smi%");
    }

    @Test
    void contactsByTag_arrayContains_usesTagsGinIndex() {
        Explain.assertUsesIndex(ds, "idx_contacts_tags",
                "select id, mobile_phone from contacts where tags @> ?", (Object) new String[] {"vip"});
    }

    @Test
    void inboundCallerLookup_byEitherPhone_usesBothPhoneIndexes() {
        List<String> indexes = Explain.indexesUsed(ds,
                "select id from contacts where phone = ? or mobile_phone = ?", "+15550001234", "+15550001234");

        assertThat(indexes).containsExactlyInAnyOrder("idx_contacts_phone", "idx_contacts_mobile_phone");
    }

    @Test
    void callsOfUser_keysetPageByCreatedAt_usesUserCreatedAtIndex() {
        Explain.assertUsesIndex(ds, "idx_calls_user_id_created_at_id", """
                select id, direction, status, created_at from calls
                 where user_id = ? and (created_at, id) < (?, ?)
                 order by created_at desc, id desc limit 50""",
                agents.get(5), FIRST_PAGE_AT, FIRST_PAGE_ID);
    }

    @Test
    void messageThread_keysetPageOfContact_usesContactCreatedAtIndex() {
        UUID contact = Sql.value(ds, UUID.class,
                "select contact_id from messages where contact_id is not null limit 1");

        Explain.assertUsesIndex(ds, "idx_messages_contact_id_created_at_id", """
                select id, direction, body, created_at from messages
                 where contact_id = ? and (created_at, id) < (?, ?)
                 order by created_at desc, id desc limit 50""",
                contact, FIRST_PAGE_AT, FIRST_PAGE_ID);
    }

    @Test
    void messageBodySearch_fullText_usesSearchIndex() {
        Explain.assertUsesIndex(ds, "idx_messages_search",
                "select id from messages where to_tsvector('simple', body) @@ plainto_tsquery('simple', ?)",
                "invoice 1234");
    }

    @Test
    void unreadVoicemailsOfAssignee_useAssigneeReadAtIndex() {
        String unread = """
                select id, from_number, priority, created_at from voicemails
                 where assigned_to_id = ? and read_at is null
                 order by created_at desc, id desc limit 50""";

        Explain.assertNoSeqScan(ds, "voicemails", unread, agents.get(7));
        Explain.assertUsesIndex(ds, "idx_voicemails_assigned_to_id_read_at", unread, agents.get(7));
    }

    @Test
    void smallDepartmentVoicemails_keysetPage_useDepartmentCreatedAtIndex() {
        Explain.assertUsesIndex(ds, "idx_voicemails_department_created_at_id", DEPARTMENT_VOICEMAILS,
                "dept-3", FIRST_PAGE_AT, FIRST_PAGE_ID);
    }

    /** Half the rows match, so walking any created_at-ordered index until 50 match is as good; never the table. */
    @Test
    void largeDepartmentVoicemails_keysetPage_neverSeqScan() {
        Explain.assertNoSeqScan(ds, "voicemails", DEPARTMENT_VOICEMAILS, "dept-0", FIRST_PAGE_AT, FIRST_PAGE_ID);
    }

    @Test
    void smallDepartmentCalls_keysetPage_useDepartmentCreatedAtIndex() {
        Explain.assertUsesIndex(ds, "idx_calls_department_created_at_id", """
                select id, direction, status, created_at from calls
                 where department = ? and (created_at, id) < (?, ?)
                 order by created_at desc, id desc limit 50""",
                "dept-3", FIRST_PAGE_AT, FIRST_PAGE_ID);
    }

    @Test
    void twilioCallbackLookups_bySid_neverSeqScan() {
        Explain.assertNoSeqScan(ds, "calls", "select id from calls where twilio_call_sid = ?", Fixtures.sid("CA"));
        Explain.assertNoSeqScan(ds, "messages", "select id from messages where twilio_message_sid = ?",
                Fixtures.sid("SM"));
        Explain.assertNoSeqScan(ds, "voicemails", "select id from voicemails where recording_sid = ?",
                Fixtures.sid("RE"));
    }

    /**
     * Reads through one of the two trigram indexes: with no owner to narrow by, V9's and V16's (owner first) cost the
     * same (GIN reads only the trigram column's entries) and the planner may take either.
     */
    private static void assertUsesATrigramIndex(String sql, Object... params) {
        assertThat(Explain.indexesUsed(ds, sql, params))
                .containsAnyOf("idx_contacts_search_text_trgm", "idx_contacts_owner_search_trgm");
    }
}
