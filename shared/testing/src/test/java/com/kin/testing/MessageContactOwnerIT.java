package com.kin.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * messages.contact_owner_id (V14) always equals the owner of the message's contact, whichever side changes: the message
 * (insert, re-link, the contact deleted) or the contact (reassigned), including a message written while its contact is
 * being reassigned in another transaction.
 */
class MessageContactOwnerIT {

    private static final String OWNER_OF = "select contact_owner_id from messages where id = ?";

    private DataSource ds;
    private UUID agent;
    private UUID otherAgent;
    private UUID contact;

    @BeforeEach
    void data() {
        TestDatabase.get().truncateAll();
        ds = TestDatabase.get().dataSource();
        agent = Fixtures.user(ds, "agent", "dept-a");
        otherAgent = Fixtures.user(ds, "agent", "dept-b");
        contact = Fixtures.contact(ds, agent);
    }

    @Test
    void insertedMessage_copiesItsContactsOwner_andNoContactMeansNoOwner() {
        UUID withContact = Fixtures.message(ds, otherAgent, contact);
        UUID withoutContact = Fixtures.message(ds, otherAgent, null);

        assertThat(Sql.value(ds, UUID.class, OWNER_OF, withContact)).isEqualTo(agent);
        assertThat(Sql.value(ds, UUID.class, OWNER_OF, withoutContact)).isNull();
    }

    @Test
    void reassignedContact_takesItsMessagesToTheNewOwner() throws SQLException {
        UUID message = Fixtures.message(ds, agent, contact);

        Sql.update(ds, "update contacts set owner_id = ? where id = ?", otherAgent, contact);

        assertThat(Sql.value(ds, UUID.class, OWNER_OF, message)).isEqualTo(otherAgent);
    }

    @Test
    void relinkedMessage_takesTheNewContactsOwner() throws SQLException {
        UUID message = Fixtures.message(ds, agent, null);
        UUID othersContact = Fixtures.contact(ds, otherAgent);

        Sql.update(ds, "update messages set contact_id = ? where id = ?", othersContact, message);

        assertThat(Sql.value(ds, UUID.class, OWNER_OF, message)).isEqualTo(otherAgent);
    }

    @Test
    void deletedContact_leavesItsMessagesWithoutOwner() throws SQLException {
        UUID message = Fixtures.message(ds, agent, contact);

        Sql.update(ds, "delete from contacts where id = ?", contact);

        assertThat(Sql.value(ds, UUID.class, OWNER_OF, message)).isNull();
    }

    /**
     * The race the statement trigger closes: the reassignment holds the contact row, the insert copies the owner it can
     * see (the old one), and the reassignment's own update of messages cannot see the uncommitted message. The insert
     * must wait for the reassignment and end with the new owner.
     */
    @Test
    void messageWrittenDuringAReassignment_endsWithTheNewOwner() throws Exception {
        UUID message;
        try (Connection reassigning = ds.getConnection()) {
            reassigning.setAutoCommit(false);
            execute(reassigning, "update contacts set owner_id = '" + otherAgent + "' where id = '" + contact + "'");
            CompletableFuture<UUID> inserting = CompletableFuture.supplyAsync(() -> Fixtures.message(ds, agent, contact));
            waitUntilBlockedOnALock();
            reassigning.commit();
            message = inserting.get(30, TimeUnit.SECONDS);
        }

        assertThat(Sql.value(ds, UUID.class, OWNER_OF, message)).isEqualTo(otherAgent);
    }

    private void waitUntilBlockedOnALock() throws InterruptedException {
        for (int attempt = 0; attempt < 300; attempt++) {
            Long waiting = Sql.value(ds, Long.class,
                    "select count(*) from pg_stat_activity where wait_event_type = 'Lock' and query like 'insert%'");
            if (waiting != null && waiting > 0) {
                return;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("the message insert never waited for the reassignment's lock on the contact");
    }

    private static void execute(Connection connection, String sql) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.execute();
        }
    }
}
