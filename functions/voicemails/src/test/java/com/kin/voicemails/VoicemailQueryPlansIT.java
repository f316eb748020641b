package com.kin.voicemails;

import com.kin.data.testing.CapturingSql;
import static org.assertj.core.api.Assertions.assertThat;

import com.kin.core.domain.VoicemailPriority;
import com.kin.core.identity.Caller;
import com.kin.core.identity.Role;
import com.kin.core.page.Cursor;
import com.kin.data.voicemails.VoicemailChanges;
import com.kin.data.voicemails.VoicemailFilter;
import com.kin.data.voicemails.VoicemailQueue;
import com.kin.data.voicemails.VoicemailRepository;
import com.kin.data.voicemails.VoicemailSort;
import com.kin.testing.BulkLoader;
import com.kin.testing.Explain;
import com.kin.testing.TestDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.OptionalLong;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The exact statements VoicemailRepository builds (text and parameters, captured, not copied) are planned by Postgres over
 * 100k voicemails after ANALYZE, with sequential scans allowed: every queue view, sort and filter is served by an index.
 */
class VoicemailQueryPlansIT {

    private static final int VOICEMAILS = 100_000;
    private static final Instant FROM = Instant.parse("2024-03-01T00:00:00Z");
    private static final Instant TO = Instant.parse("2024-03-08T00:00:00Z");
    private static final UUID MIDDLE = UUID.fromString("80000000-0000-4000-8000-000000000000");

    private static final VoicemailRepository REPOSITORY = new VoicemailRepository();
    private static DataSource ds;
    private static List<UUID> agents;
    private static Caller manager;
    private static Caller admin;

    @BeforeAll
    static void loadHundredThousandVoicemails() throws SQLException {
        TestDatabase db = TestDatabase.get();
        db.truncateAll();
        ds = db.dataSource();
        BulkLoader loader = new BulkLoader(ds);
        agents = loader.users(20, "agent", "dept-0");
        manager = new Caller(loader.users(1, "manager", "dept-1").get(0), "m@example.com", Role.MANAGER, "dept-1");
        admin = new Caller(loader.users(1, "admin", null).get(0), "a@example.com", Role.ADMIN, null);
        loader.contacts(10_000, agents);
        loader.voicemails(VOICEMAILS, agents);
        try (Connection connection = ds.getConnection(); Statement statement = connection.createStatement()) {
            // One voicemail in twenty waits unassigned in its department's queue.
            statement.executeUpdate("update voicemails set assigned_to_id = null "
                    + "where (extract(epoch from created_at)::bigint / 240) % 20 = 0");
        }
        loader.analyze();
    }

    @Test
    void agentsOwnQueue_newestAndUrgentFirst_useAssigneeIndexes() {
        assertIndex("idx_voicemails_assigned_to_id_created_at_id", list(agent(), mine(), VoicemailSort.NEWEST, null));
        assertIndex("idx_voicemails_assigned_to_id_created_at_id",
                list(agent(), mine(), VoicemailSort.NEWEST, cursor(VoicemailSort.NEWEST)));
        assertIndex("idx_voicemails_assigned_to_id_priority_rank_created_at_id",
                list(agent(), mine(), VoicemailSort.PRIORITY, null));
        assertIndex("idx_voicemails_assigned_to_id_priority_rank_created_at_id",
                list(agent(), mine(), VoicemailSort.PRIORITY, cursor(VoicemailSort.PRIORITY)));
        assertNoSeqScan(list(agent(), new VoicemailFilter(VoicemailQueue.MINE, true, null, null, null),
                VoicemailSort.NEWEST, null));
    }

    @Test
    void agentsUnassignedAndDepartmentQueues_readNoTableSequentially() {
        VoicemailFilter unassigned = queue(VoicemailQueue.UNASSIGNED);
        assertNoSeqScan(list(agent(), unassigned, VoicemailSort.NEWEST, null));
        assertNoSeqScan(list(agent(), unassigned, VoicemailSort.PRIORITY, null));
        assertNoSeqScan(list(agent(), queue(VoicemailQueue.DEPARTMENT), VoicemailSort.NEWEST, null));
        assertNoSeqScan(list(agent(), queue(VoicemailQueue.DEPARTMENT), VoicemailSort.PRIORITY, null));
        // Merged pages (assigned to me / unassigned here), each along an index, with a filter and after a cursor.
        assertNoSeqScan(list(agent(), new VoicemailFilter(VoicemailQueue.DEPARTMENT, true, null, null, null),
                VoicemailSort.PRIORITY, cursor(VoicemailSort.PRIORITY)));
        assertNoSeqScan(list(agent(), new VoicemailFilter(VoicemailQueue.DEPARTMENT, null, VoicemailPriority.URGENT,
                null, null), VoicemailSort.NEWEST, cursor(VoicemailSort.NEWEST)));
    }

    @Test
    void managersDepartmentQueue_usesDepartmentIndexes() {
        // A quarter of all voicemails are the department's: the planner may as well walk the newest-first index.
        assertNoSeqScan(list(manager, queue(VoicemailQueue.DEPARTMENT), VoicemailSort.NEWEST, null));
        assertIndex("idx_voicemails_department_priority_rank_created_at_id",
                list(manager, queue(VoicemailQueue.DEPARTMENT), VoicemailSort.PRIORITY, cursor(VoicemailSort.PRIORITY)));
        assertNoSeqScan(list(manager, queue(VoicemailQueue.ALL), VoicemailSort.NEWEST, null));
        assertNoSeqScan(list(manager, queue(VoicemailQueue.ALL), VoicemailSort.PRIORITY, null));
        assertNoSeqScan(list(manager, queue(VoicemailQueue.UNASSIGNED), VoicemailSort.NEWEST, null));
    }

    @Test
    void adminQueue_newestAndUrgentFirst_useTheirIndexes() {
        assertIndex("idx_voicemails_created_at_id", list(admin, queue(VoicemailQueue.ALL), VoicemailSort.NEWEST, null));
        assertIndex("idx_voicemails_priority_rank_created_at_id",
                list(admin, queue(VoicemailQueue.ALL), VoicemailSort.PRIORITY, cursor(VoicemailSort.PRIORITY)));
        assertNoSeqScan(list(admin, queue(VoicemailQueue.UNASSIGNED), VoicemailSort.NEWEST, null));
    }

    @Test
    void adminFilters_priorityUnreadAndTime_readNoTableSequentially() {
        assertNoSeqScan(list(admin, new VoicemailFilter(VoicemailQueue.ALL, null, VoicemailPriority.URGENT, null, null),
                VoicemailSort.NEWEST, null));
        assertNoSeqScan(list(admin, new VoicemailFilter(VoicemailQueue.ALL, true, null, null, null), VoicemailSort.NEWEST, null));
        assertNoSeqScan(list(admin, new VoicemailFilter(VoicemailQueue.ALL, null, null, FROM, TO), VoicemailSort.NEWEST, null));
        assertNoSeqScan(list(admin, new VoicemailFilter(VoicemailQueue.ALL, false, VoicemailPriority.LOW, FROM, TO),
                VoicemailSort.PRIORITY, null));
    }

    @Test
    void singleAndBulkWrites_findTheirRowsByPrimaryKey() {
        List<UUID> ids = List.of(UUID.randomUUID(), UUID.randomUUID());
        CapturingSql sql = new CapturingSql();
        REPOSITORY.find(sql, ids.get(0));
        assertIndex("voicemails_pkey", sql.last());
        REPOSITORY.update(sql, agent(), ids.get(0), new VoicemailChanges(true, VoicemailPriority.HIGH, null),
                OptionalLong.of(3), Instant.now());
        assertIndex("voicemails_pkey", sql.last());
        REPOSITORY.lockAll(sql, ids);
        assertIndex("voicemails_pkey", sql.last());
        REPOSITORY.setRead(sql, ids, true, Instant.now());
        assertIndex("voicemails_pkey", sql.last());
        REPOSITORY.assign(sql, ids, agents.get(1), Instant.now());
        assertIndex("voicemails_pkey", sql.last());
        REPOSITORY.deleteAll(sql, ids);
        assertIndex("voicemails_pkey", sql.last());
    }

    private static Caller agent() {
        return new Caller(agents.get(7), "agent@example.com", Role.AGENT, "dept-0");
    }

    private static VoicemailFilter mine() {
        return queue(VoicemailQueue.MINE);
    }

    private static VoicemailFilter queue(VoicemailQueue queue) {
        return new VoicemailFilter(queue, null, null, null, null);
    }

    private static Cursor cursor(VoicemailSort sort) {
        String value = sort == VoicemailSort.NEWEST ? FROM.toString() : VoicemailPriority.HIGH.rank() + "|" + FROM;
        return new Cursor(sort.wireName(), value, MIDDLE);
    }

    private static CapturingSql.Statement list(Caller caller, VoicemailFilter filter, VoicemailSort sort, Cursor cursor) {
        CapturingSql sql = new CapturingSql();
        REPOSITORY.list(sql, caller, filter, sort, cursor, 26);
        return sql.last();
    }

    private static void assertIndex(String index, CapturingSql.Statement statement) {
        Explain.assertUsesIndex(ds, index, statement.sql(), statement.params());
        assertNoSeqScan(statement);
    }

    /** The plan reads voicemails through an index (which one is the planner's choice by selectivity), never sequentially. */
    private static void assertNoSeqScan(CapturingSql.Statement statement) {
        List<Explain.PlanNode> plan = Explain.assertNoSeqScan(ds, "voicemails", statement.sql(), statement.params());
        assertThat(plan).as("plan of %s", statement.name())
                .anyMatch(node -> node.indexName() != null
                        && (node.indexName().startsWith("idx_voicemails_") || node.indexName().startsWith("voicemails_")));
    }
}
