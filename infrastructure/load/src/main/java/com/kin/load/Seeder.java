package com.kin.load;

import com.kin.load.copy.CopyLoader;
import com.kin.load.copy.DeferredIndexes;
import com.kin.load.copy.ProgressBar;
import com.kin.load.copy.TableRows;
import com.kin.load.data.Dataset;
import com.kin.load.data.SeedUser;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Loads a {@link Dataset} into a migrated KIN database in ONE transaction: either all of it is there, with its
 * {@code seed_runs} marker, or none of it. A second run of the same scale finds the marker and does nothing.
 *
 * <p>Messages are loaded with the conversations insert trigger (V10) disabled: the trigger would hold the whole
 * multi-million-row COPY as a transition table and lock every contact row; instead {@code conversations} is rebuilt
 * for the seeded contacts with one INSERT ... SELECT that computes what the trigger maintains, and the trigger is
 * enabled again, all before the commit, so no other session ever sees messages without their conversations.
 * The triggers that copy each message's contact owner (V14) are off during the COPY too: the rows carry
 * {@code contact_owner_id} themselves ({@code MessageRows}), and the contacts they point at are this transaction's own.
 */
public final class Seeder {

    /** Latest message and unread inbound count per contact: the definition conversations_refresh (V10) applies. */
    private static final String REBUILD_CONVERSATIONS = """
            insert into conversations (contact_id, owner_id, last_message_id, last_message_at, unread_count)
            select distinct on (m.contact_id) m.contact_id, c.owner_id, m.id, m.created_at,
                   count(*) filter (where m.direction = 'inbound' and m.read_at is null)
                       over (partition by m.contact_id)
              from messages m
              join contacts c on c.id = m.contact_id
             where c.owner_id = any (?)
             order by m.contact_id, m.created_at desc, m.id desc""";
    /** The insert triggers on messages that a COPY of generated rows does without (see the class comment). */
    private static final List<String> MESSAGE_TRIGGERS = List.of("messages_conversations_insert",
            "messages_contact_owner_copy", "messages_contact_owner_recheck_insert");

    private final Clock clock;
    private final ProgressBar progress;
    private final CopyLoader loader;

    public Seeder(Clock clock, ProgressBar progress) {
        this.clock = clock;
        this.progress = progress;
        this.loader = new CopyLoader(progress);
    }

    /** Seeds {@code dataset} through {@code connection}, or reports that this scale is already there. */
    public SeedResult seed(Connection connection, Dataset dataset) throws SQLException {
        Instant began = clock.instant();
        connection.setAutoCommit(false);
        SeedResult result;
        try {
            result = seedInTransaction(connection, dataset, began);
            connection.commit();
        } catch (SQLException | RuntimeException e) {
            connection.rollback();
            throw e;
        }
        if (!result.alreadySeeded()) {
            analyze(connection);
        }
        return result;
    }

    private SeedResult seedInTransaction(Connection connection, Dataset dataset, Instant began) throws SQLException {
        String scale = dataset.scale().label();
        SeedRuns.lock(connection);
        Optional<String> seeded = SeedRuns.seededScale(connection);
        if (seeded.isPresent() && seeded.get().equals(scale)) {
            return new SeedResult(true, scale, Map.of(), Duration.ZERO);
        }
        seeded.ifPresent(other -> {
            throw new SeedRefusedException("seed - the database is already seeded at scale " + other
                    + "; refusing to add scale " + scale + " on top (seed a fresh database instead)");
        });
        long strayUsers = SeedRuns.seedUsersPresent(connection);
        if (strayUsers > 0) {
            throw new SeedRefusedException("seed - " + strayUsers + " users with seed-user e-mails exist but no"
                    + " seed_runs marker; refusing to load next to data of unknown origin");
        }
        execute(connection, "set local synchronous_commit = off", "set local maintenance_work_mem = '512MB'");
        Map<String, Long> rows = new LinkedHashMap<>();
        for (TableRows table : dataset.tables()) {
            rows.put(table.table(), load(connection, table, dataset));
        }
        SeedRuns.record(connection, dataset, clock.instant());
        return new SeedResult(false, scale, rows, Duration.between(began, clock.instant()));
    }

    private long load(Connection connection, TableRows table, Dataset dataset) throws SQLException {
        boolean messages = table.table().equals("messages");
        if (messages) {
            for (String trigger : MESSAGE_TRIGGERS) {
                execute(connection, "alter table messages disable trigger " + trigger);
            }
        }
        boolean bulk = table.count() > dataset.users().all().size();
        DeferredIndexes indexes = bulk ? DeferredIndexes.drop(connection, table.table()) : null;
        long written = loader.copy(connection, table);
        if (indexes != null) {
            progress.note(table.table() + ": building " + indexes.count() + " indexes");
            indexes.rebuild(connection);
        }
        if (messages) {
            long conversations = rebuildConversations(connection, dataset);
            progress.note("conversations: " + String.format("%,d", conversations) + " rebuilt from messages");
            for (String trigger : MESSAGE_TRIGGERS) {
                execute(connection, "alter table messages enable trigger " + trigger);
            }
        }
        return written;
    }

    private static long rebuildConversations(Connection connection, Dataset dataset) throws SQLException {
        Object[] owners = dataset.users().all().stream().map(SeedUser::id).toArray();
        try (var statement = connection.prepareStatement(REBUILD_CONVERSATIONS)) {
            statement.setArray(1, connection.createArrayOf("uuid", owners));
            return statement.executeLargeUpdate();
        }
    }

    private void analyze(Connection connection) throws SQLException {
        progress.note("analyze");
        connection.setAutoCommit(true);
        execute(connection, "analyze users, contacts, calls, messages, voicemails, conversations");
    }

    private static void execute(Connection connection, String... statements) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        }
    }
}
