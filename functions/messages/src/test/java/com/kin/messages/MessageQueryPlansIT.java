package com.kin.messages;

import com.kin.data.testing.CapturingSql;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.kin.core.identity.Caller;
import com.kin.core.identity.Role;
import com.kin.core.page.Cursor;
import com.kin.data.messages.ConversationRepository;
import com.kin.data.messages.MessagePlacements;
import com.kin.data.messages.MessageRepository;
import com.kin.data.messages.OutboundMessageRepository;
import com.kin.testing.BulkLoader;
import com.kin.testing.Explain;
import com.kin.testing.TestDatabase;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The statements the message repositories build, EXPLAINed with their real parameters at 200k messages over 100k
 * contacts (100k conversations), after ANALYZE, with enable_seqscan on: every one is served by an index.
 */
class MessageQueryPlansIT {

    private static final int CONTACTS = 100_000;
    private static final int THREAD_MESSAGES = 100_000;
    private static final Cursor PAST_CURSOR = new Cursor("any", "2025-03-01T00:00:00Z", UUID.randomUUID());

    /** One message for every contact, so that there is a conversation per contact (BulkLoader threads only 2,000). */
    private static final String ONE_MESSAGE_PER_CONTACT = """
            insert into messages (direction, status, body, from_number, to_number, user_id, contact_id, read_at,
                                  created_at, updated_at)
            select case when c.n % 2 = 0 then 'inbound' else 'outbound' end,
                   case when c.n % 2 = 0 then 'received' else 'delivered' end,
                   'Hello #' || c.n, '+15550000000', '+16660000000', c.owner_id, c.id,
                   case when c.n % 3 = 0 then t.at + interval '1 hour' end, t.at, t.at
              from (select id, owner_id, row_number() over (order by id) as n from contacts) as c,
                   lateral (select timestamptz '2025-01-01 00:00:00+00' + c.n * interval '1 minute' as at) as t""";

    private static DataSource ds;
    private static Caller agent;
    private static Caller manager;
    private static Caller admin;
    private static UUID threadContact;

    @BeforeAll
    static void load() {
        TestDatabase db = TestDatabase.get();
        db.truncateAll();
        ds = db.dataSource();
        BulkLoader loader = new BulkLoader(ds);
        List<UUID> agents = new ArrayList<>(loader.users(10, "agent", "dept-0"));
        agents.addAll(loader.users(10, "agent", "dept-1"));
        assertThat(loader.contacts(CONTACTS, agents)).isEqualTo(CONTACTS);
        assertThat(loader.messages(THREAD_MESSAGES, agents)).isEqualTo(THREAD_MESSAGES);
        MessageData data = new MessageData(db);
        assertThat(data.execute(ONE_MESSAGE_PER_CONTACT)).isEqualTo(CONTACTS);
        loader.analyze();
        data.execute("analyze conversations");
        agent = new Caller(agents.get(3), null, Role.AGENT, "dept-0");
        manager = new Caller(UUID.randomUUID(), null, Role.MANAGER, "dept-1");
        admin = new Caller(UUID.randomUUID(), null, Role.ADMIN, null);
        threadContact = (UUID) data.value("select contact_id from messages group by contact_id order by count(*) desc limit 1");
    }

    @Test
    void conversationsTable_matchesTheMessagesAfterBulkLoads() {
        MessageData data = new MessageData(TestDatabase.get());
        assertThat(data.value("select count(*) from conversations")).isEqualTo((long) CONTACTS);
        assertThat(data.value(ConversationsTableIT.DRIFT)).isEqualTo(0L);
    }

    @Test
    void conversationsOfAgent_rangeScanTheOwnerIndex_firstAndLaterPages() {
        for (Cursor cursor : new Cursor[] {null, PAST_CURSOR}) {
            CapturingSql sql = conversations(agent, cursor);
            Explain.assertUsesIndex(ds, "idx_conversations_owner_id_last_message_at_contact_id", sql.statement(),
                    sql.params());
            assertNoSeqScans(sql, "conversations", "contacts", "messages");
        }
    }

    @Test
    void conversationsOfAdmin_rangeScanTheTimeIndex() {
        CapturingSql sql = conversations(admin, null);
        Explain.assertUsesIndex(ds, "idx_conversations_last_message_at_contact_id", sql.statement(), sql.params());
        assertNoSeqScans(sql, "conversations", "contacts", "messages");
    }

    @Test
    void conversationsOfManager_useIndexesOnly() {
        for (Cursor cursor : new Cursor[] {null, PAST_CURSOR}) {
            CapturingSql sql = conversations(manager, cursor);
            assertThat(Explain.indexesUsed(ds, sql.statement(), sql.params()))
                    .anyMatch(name -> name.startsWith("idx_conversations_"));
            assertNoSeqScans(sql, "conversations", "contacts", "messages");
        }
    }

    @Test
    void thread_rangeScansTheContactTimeIndex() {
        for (Caller caller : List.of(agent, manager, admin)) {
            CapturingSql sql = new CapturingSql();
            new MessageRepository().thread(sql, caller, threadContact, PAST_CURSOR, 51);
            Explain.assertUsesIndex(ds, "idx_messages_contact_id_created_at_id", sql.statement(), sql.params());
            assertNoSeqScans(sql, "contacts", "messages");
        }
    }

    @Test
    void messageByIdAndBulkLock_usePrimaryKeys() {
        List<UUID> ids = new MessageData(TestDatabase.get()).rows("select id from messages limit 500").stream()
                .map(row -> (UUID) row[0]).toList();
        for (Caller caller : List.of(agent, manager)) {
            CapturingSql byId = new CapturingSql();
            new MessageRepository().find(byId, caller, ids.get(0));
            Explain.assertUsesIndex(ds, "messages_pkey", byId.statement(), byId.params());
            assertNoSeqScans(byId, "messages", "contacts");

            CapturingSql lock = new CapturingSql();
            new MessageRepository().lockAll(lock, caller, ids);
            Explain.assertUsesIndex(ds, "messages_pkey", lock.statement(), lock.params());
            assertNoSeqScans(lock, "messages", "contacts");
        }
    }

    @Test
    void sendPath_recipientLookupsUseKeysAndPhoneIndexes() {
        MessageData data = new MessageData(TestDatabase.get());
        UUID contact = (UUID) data.value("select id from contacts where mobile_phone is not null limit 1");
        String number = (String) data.value("select mobile_phone from contacts where id = ?", contact);
        CapturingSql byContact = new CapturingSql();
        new OutboundMessageRepository().contact(byContact, contact);
        Explain.assertUsesIndex(ds, "contacts_pkey", byContact.statement(), byContact.params());
        assertNoSeqScans(byContact, "contacts");
        for (Caller caller : List.of(agent, manager, admin)) {
            CapturingSql byNumber = new CapturingSql();
            assertThatThrownBy(() -> new OutboundMessageRepository().number(byNumber, caller, number))
                    .as("a statement that runs nothing returns no row").isInstanceOf(IllegalStateException.class);
            assertThat(Explain.indexesUsed(ds, byNumber.statement(), byNumber.params()))
                    .contains("idx_contacts_phone", "idx_contacts_mobile_phone");
            assertNoSeqScans(byNumber, "contacts");
        }
    }

    @Test
    void writesAndPlacements_usePrimaryKeysAndTheSidKey() {
        UUID id = (UUID) new MessageData(TestDatabase.get()).value("select id from messages limit 1");
        CapturingSql setRead = new CapturingSql();
        new MessageRepository().setRead(setRead, manager, id, true, java.util.OptionalLong.of(1), java.time.Instant.now());
        Explain.assertUsesIndex(ds, "messages_pkey", setRead.statement(), setRead.params());
        CapturingSql bySid = new CapturingSql();
        new MessagePlacements().bySid(bySid, "SM0123456789abcdef0123456789abcdef");
        Explain.assertUsesIndex(ds, "messages_twilio_message_sid_key", bySid.statement(), bySid.params());
        CapturingSql byIds = new CapturingSql();
        new MessagePlacements().byIds(byIds, List.of(id));
        Explain.assertUsesIndex(ds, "messages_pkey", byIds.statement(), byIds.params());
        assertNoSeqScans(byIds, "messages", "contacts");
    }

    /** The two reads conversations_refresh() (V10) runs per contact after an update or delete of its messages. */
    @Test
    void triggerRecompute_readsThroughIndexes() {
        Explain.assertUsesIndex(ds, "idx_messages_contact_id_created_at_id", """
                select m.id, m.created_at from messages m where m.contact_id = ?
                 order by m.created_at desc, m.id desc limit 1""", threadContact);
        Explain.assertUsesIndex(ds, "idx_messages_contact_id_unread_inbound", """
                select count(*) from messages m
                 where m.contact_id = ? and m.direction = 'inbound' and m.read_at is null""", threadContact);
    }

    private static CapturingSql conversations(Caller caller, Cursor cursor) {
        CapturingSql sql = new CapturingSql();
        new ConversationRepository().list(sql, caller, cursor, 26);
        return sql;
    }

    /** Also prints the plan into the test output, where a reader can see what the planner chose. */
    private static void assertNoSeqScans(CapturingSql sql, String... tables) {
        for (String table : tables) {
            Explain.assertNoSeqScan(ds, table, sql.statement(), sql.params());
        }
        System.out.println("plan " + Explain.nodes(ds, sql.statement(), sql.params()) + "\n  for " + sql.statement());
    }
}
