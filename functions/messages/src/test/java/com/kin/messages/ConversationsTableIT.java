package com.kin.messages;

import static org.assertj.core.api.Assertions.assertThat;

import com.kin.testing.SampleUsers;
import com.kin.testing.TestDatabase;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The conversations table (migration V10) follows every kind of write to messages and contacts, made with plain SQL as
 * the other writers (send path, webhooks, bulk worker) make them: after each, it equals a recomputation from messages.
 */
class ConversationsTableIT {

    /** Rows of conversations that differ from what messages say, plus conversations missing altogether. */
    static final String DRIFT = """
            select (select count(*) from conversations cv
                     where cv.owner_id <> (select c.owner_id from contacts c where c.id = cv.contact_id)
                        or cv.unread_count <> (select count(*) from messages m where m.contact_id = cv.contact_id
                                                  and m.direction = 'inbound' and m.read_at is null)
                        or cv.last_message_id is distinct from (select m.id from messages m where m.contact_id = cv.contact_id
                                                  order by m.created_at desc, m.id desc limit 1))
                 + abs((select count(*) from conversations)
                       - (select count(distinct contact_id) from messages where contact_id is not null))""";

    static TestDatabase db;
    static MessageData data;
    final UUID c1 = UUID.randomUUID();
    final UUID c2 = UUID.randomUUID();

    @BeforeAll
    static void start() {
        db = TestDatabase.get();
        data = new MessageData(db);
    }

    @BeforeEach
    void seed() {
        db.truncateAll();
        SampleUsers.insert(db.dataSource());
        data.contact(c1, SampleUsers.AGENT1, "One");
        data.contact(c2, SampleUsers.AGENT2, "Two");
    }

    @Test
    void multiRowInsert_keepsNewestMessageAndCountsUnreadInboundPerContact() {
        data.execute("""
                insert into messages (direction, status, body, from_number, to_number, contact_id, created_at, read_at)
                values ('inbound', 'received', 'a', '+1', '+2', ?, ?, null),
                       ('inbound', 'received', 'b', '+1', '+2', ?, ?, now()),
                       ('outbound', 'sent', 'c', '+2', '+1', ?, ?, null),
                       ('inbound', 'received', 'd', '+1', '+2', ?, ?, null)""",
                c1, MessageData.at(1), c1, MessageData.at(2), c1, MessageData.at(3), c2, MessageData.at(0));

        assertThat(conversation(c1)).containsExactly("c", 1);
        assertThat(conversation(c2)).containsExactly("d", 1);
        assertNoDrift();
    }

    @Test
    void olderMessageArriving_keepsTheLatest() {
        UUID latest = UUID.randomUUID();
        data.message(latest, "outbound", SampleUsers.AGENT1, c1, 10);
        data.message(UUID.randomUUID(), "inbound", SampleUsers.AGENT1, c1, 1);

        assertThat(conversation(c1).get(1)).isEqualTo(1);
        assertThat(data.value("select last_message_id from conversations where contact_id = ?", c1)).isEqualTo(latest);
        assertNoDrift();
    }

    @Test
    void readStateChanges_updateTheUnreadCount_statusChangesDoNot() {
        UUID inbound = UUID.randomUUID();
        data.message(inbound, "inbound", SampleUsers.AGENT1, c1, 1);
        data.execute("update messages set status = 'read' where id = ?", inbound);
        assertThat(conversation(c1).get(1)).isEqualTo(1);

        data.execute("update messages set read_at = now() where id = ?", inbound);
        assertThat(conversation(c1).get(1)).isEqualTo(0);
        assertNoDrift();
    }

    @Test
    void deletingMessages_fallsBackToThePreviousOne_thenRemovesTheConversation() {
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        data.message(first, "inbound", SampleUsers.AGENT1, c1, 1);
        data.message(second, "inbound", SampleUsers.AGENT1, c1, 2);

        data.execute("delete from messages where id = ?", second);
        assertThat(data.value("select last_message_id from conversations where contact_id = ?", c1)).isEqualTo(first);

        data.execute("delete from messages where id = ?", first);
        assertThat(data.rows("select 1 from conversations where contact_id = ?", c1)).isEmpty();
        assertNoDrift();
    }

    @Test
    void messageMovedToAnotherContact_recomputesBothConversations() {
        UUID moved = UUID.randomUUID();
        data.message(UUID.randomUUID(), "outbound", SampleUsers.AGENT1, c1, 1);
        data.message(moved, "inbound", SampleUsers.AGENT1, c1, 2);

        data.execute("update messages set contact_id = ? where id = ?", c2, moved);

        assertThat(conversation(c1).get(1)).isEqualTo(0);
        assertThat(data.value("select last_message_id from conversations where contact_id = ?", c2)).isEqualTo(moved);
        assertNoDrift();
    }

    @Test
    void reassignedContact_takesItsConversationToTheNewOwner() {
        data.message(UUID.randomUUID(), "inbound", SampleUsers.AGENT1, c1, 1);

        data.execute("update contacts set owner_id = ? where id = ?", SampleUsers.AGENT2, c1);

        assertThat(data.value("select owner_id from conversations where contact_id = ?", c1)).isEqualTo(SampleUsers.AGENT2);
        assertNoDrift();
    }

    @Test
    void deletedContact_dropsItsConversation_keepsItsMessages() {
        data.message(UUID.randomUUID(), "inbound", SampleUsers.AGENT1, c1, 1);

        data.execute("delete from contacts where id = ?", c1);

        assertThat(data.rows("select 1 from conversations where contact_id = ?", c1)).isEmpty();
        assertThat(data.value("select count(*) from messages where contact_id is null")).isEqualTo(1L);
        assertNoDrift();
    }

    private static java.util.List<Object> conversation(UUID contact) {
        Object[] row = data.rows("select m.body, cv.unread_count from conversations cv join messages m "
                + "on m.id = cv.last_message_id where cv.contact_id = ?", contact).get(0);
        return java.util.List.of(row[0], row[1]);
    }

    private static void assertNoDrift() {
        assertThat(data.value(DRIFT)).isEqualTo(0L);
    }
}
