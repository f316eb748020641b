package com.kin.voicemails;

import static org.assertj.core.api.Assertions.assertThat;

import com.kin.core.domain.VoicemailPriority;
import com.kin.core.identity.Caller;
import com.kin.core.identity.Role;
import com.kin.core.page.Cursor;
import com.kin.data.testing.CapturingSql;
import com.kin.data.voicemails.VoicemailFilter;
import com.kin.data.voicemails.VoicemailQueue;
import com.kin.data.voicemails.VoicemailRepository;
import com.kin.data.voicemails.VoicemailSort;
import com.kin.testing.BulkLoader;
import com.kin.testing.TestDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * An agent's department queue is built as two merged pages (assigned to me, unassigned in my department); it must return
 * exactly the rows, in the order, of the single "mine or unassigned" statement it replaced, on page 1 and after a cursor,
 * for every filter and sort. The reference statement is that former one, written out here.
 */
class VoicemailAgentQueueIT {

    private static final int PAGE = 25;
    private static final Instant FROM = Instant.parse("2024-01-10T00:00:00Z");
    private static final Instant TO = Instant.parse("2024-01-20T00:00:00Z");
    private static final VoicemailRepository REPOSITORY = new VoicemailRepository();

    private static DataSource ds;
    private static Caller agent;

    @BeforeAll
    static void loadAssignedAndUnassignedVoicemails() throws SQLException {
        TestDatabase db = TestDatabase.get();
        db.truncateAll();
        ds = db.dataSource();
        BulkLoader loader = new BulkLoader(ds);
        List<UUID> agents = loader.users(8, "agent", "dept-0");
        agent = new Caller(agents.get(3), "agent@example.com", Role.AGENT, "dept-0");
        loader.contacts(500, agents);
        loader.voicemails(12_000, agents);
        try (Connection connection = ds.getConnection(); Statement statement = connection.createStatement()) {
            // One in seven waits unassigned: the agent's queue interleaves its own voicemails with those.
            statement.executeUpdate("update voicemails set assigned_to_id = null "
                    + "where (extract(epoch from created_at)::bigint / 240) % 7 = 0");
        }
        loader.analyze();
    }

    @Test
    void departmentQueue_mergedPages_equalTheSingleStatement_onPageOneAndTwo() {
        List<VoicemailFilter> filters = List.of(filter(null, null, null, null), filter(true, null, null, null),
                filter(false, null, null, null), filter(null, VoicemailPriority.URGENT, null, null),
                filter(false, VoicemailPriority.HIGH, null, null), filter(null, VoicemailPriority.LOW, FROM, TO));
        for (VoicemailFilter filter : filters) {
            for (VoicemailSort sort : VoicemailSort.values()) {
                List<Row> expectedFirst = reference(filter, sort, null);
                assertThat(ids(listed(filter, sort, null))).as("page 1, %s, %s", filter, sort)
                        .isNotEmpty().containsExactlyElementsOf(ids(expectedFirst));
                Cursor cursor = expectedFirst.get(PAGE - 1).cursor(sort);
                List<Row> expectedSecond = reference(filter, sort, cursor);
                assertThat(ids(listed(filter, sort, cursor))).as("page 2, %s, %s", filter, sort)
                        .isNotEmpty().containsExactlyElementsOf(ids(expectedSecond));
            }
        }
    }

    @Test
    void departmentQueue_firstPage_mixesOwnAndUnassignedVoicemails() {
        List<Row> page = listed(filter(null, null, null, null), VoicemailSort.NEWEST, null);

        assertThat(page).extracting(Row::assignee).contains(agent.userId()).containsNull()
                .allMatch(assignee -> assignee == null || assignee.equals(agent.userId()));
    }

    private record Row(UUID id, UUID assignee, short rank, Instant createdAt) {

        Cursor cursor(VoicemailSort sort) {
            return new Cursor(sort.wireName(), sort == VoicemailSort.NEWEST ? createdAt.toString()
                    : rank + "|" + createdAt, id);
        }
    }

    private static VoicemailFilter filter(Boolean unread, VoicemailPriority priority, Instant from, Instant to) {
        return new VoicemailFilter(VoicemailQueue.DEPARTMENT, unread, priority, from, to);
    }

    /** What the repository's statement returns (one page plus one row, as the API asks for). */
    private static List<Row> listed(VoicemailFilter filter, VoicemailSort sort, Cursor cursor) {
        CapturingSql sql = new CapturingSql();
        REPOSITORY.list(sql, agent, filter, sort, cursor, PAGE + 1);
        return rows(sql.statement(), List.of(sql.params()));
    }

    /** The statement the merged pages replaced: the visibility rule as one OR, the priority by name. */
    private static List<Row> reference(VoicemailFilter filter, VoicemailSort sort, Cursor cursor) {
        StringBuilder where = new StringBuilder("(v.assigned_to_id = ? or (v.assigned_to_id is null and v.department = ?))"
                + " and v.department = ?");
        List<Object> params = new ArrayList<>(List.of(agent.userId(), agent.department(), agent.department()));
        if (filter.unread() != null) {
            where.append(filter.unread() ? " and v.read_at is null" : " and v.read_at is not null");
        }
        if (filter.priority() != null) {
            where.append(" and v.priority = ?");
            params.add(filter.priority().wireName());
        }
        if (filter.from() != null) {
            where.append(" and v.created_at >= ? and v.created_at < ?");
            params.add(utc(filter.from()));
            params.add(utc(filter.to()));
        }
        boolean newest = sort == VoicemailSort.NEWEST;
        if (cursor != null) {
            int split = cursor.value().indexOf('|');
            where.append(newest ? " and (v.created_at, v.id) < (?, ?)" : " and (v.priority_rank, v.created_at, v.id) < (?, ?, ?)");
            if (!newest) {
                params.add(Short.valueOf(cursor.value().substring(0, split)));
            }
            params.add(utc(Instant.parse(cursor.value().substring(split + 1))));
            params.add(cursor.id());
        }
        String order = newest ? "v.created_at desc, v.id desc" : "v.priority_rank desc, v.created_at desc, v.id desc";
        return rows("select v.id, v.assigned_to_id, v.priority_rank, v.created_at from voicemails v where " + where
                + " order by " + order + " limit " + (PAGE + 1), params);
    }

    private static List<Row> rows(String sql, List<Object> params) {
        try (Connection connection = ds.getConnection(); PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < params.size(); i++) {
                statement.setObject(i + 1, params.get(i));
            }
            List<Row> rows = new ArrayList<>();
            try (ResultSet result = statement.executeQuery()) {
                while (result.next()) {
                    rows.add(new Row(result.getObject("id", UUID.class), result.getObject("assigned_to_id", UUID.class),
                            rank(result), result.getObject("created_at", OffsetDateTime.class).toInstant()));
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException("voicemail queue test - failed to run: " + sql, e);
        }
    }

    /** The repository's statement selects the priority name, the reference one the rank. */
    private static short rank(ResultSet result) throws SQLException {
        for (int column = 1; column <= result.getMetaData().getColumnCount(); column++) {
            if ("priority_rank".equals(result.getMetaData().getColumnName(column))) {
                return result.getShort(column);
            }
        }
        return (short) VoicemailPriority.fromWire(result.getString("priority")).orElseThrow().rank();
    }

    private static List<UUID> ids(List<Row> rows) {
        return rows.stream().map(Row::id).toList();
    }

    private static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
