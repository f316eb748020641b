package com.kin.data.voicemails;

import com.kin.core.domain.Voicemail;
import com.kin.core.identity.Caller;
import com.kin.core.page.Cursor;
import com.kin.data.RowMapper;
import com.kin.data.Rows;
import com.kin.data.Sql;
import com.kin.data.Visibility;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;

/** Voicemails in Postgres. Lists and updates are filtered by {@link Visibility#workItem}. */
@Singleton
public class VoicemailRepository {

    static final String COLUMNS = VoicemailColumns.of("v");
    private static final RowMapper<Voicemail> VOICEMAIL = row -> VoicemailColumns.read(row, "");
    private static final RowMapper<VoicemailRow> WITH_ASSIGNEE_DEPARTMENT =
            row -> new VoicemailRow(VoicemailColumns.read(row, ""), row.getString("assignee_department"));
    private static final RowMapper<VoicemailUpdate> UPDATED = row -> new VoicemailUpdate(
            WITH_ASSIGNEE_DEPARTMENT.map(row), Rows.uuid(row, "previous_assigned_to_id"),
            row.getString("previous_assignee_department"));
    /**
     * What an update returns besides the new row: the assignee before it, read from a locked copy of the row joined into
     * the UPDATE (RETURNING sees only new values), so a caller learns where the voicemail was without another statement.
     */
    private static final String PREVIOUS = "from (select p.id, p.assigned_to_id from voicemails p where p.id = ? for update) "
            + "previous ";
    private static final String RETURNING_UPDATED = " returning " + COLUMNS
            + ", (select u.department from users u where u.id = v.assigned_to_id) as assignee_department"
            + ", previous.assigned_to_id as previous_assigned_to_id"
            + ", (select u.department from users u where u.id = previous.assigned_to_id) as previous_assignee_department";

    /** The voicemail with its assignee's department, whoever may see it; callers check {@link VoicemailRow#visibleTo}. */
    public Optional<VoicemailRow> find(Sql sql, UUID id) {
        return sql.queryOne("voicemails.byId", "select " + COLUMNS + ", u.department as assignee_department "
                + "from voicemails v left join users u on u.id = v.assigned_to_id where v.id = ?", WITH_ASSIGNEE_DEPARTMENT, id);
    }

    /** One page (plus one row) of the voicemails the caller may see in {@code filter}, after {@code cursor}. */
    public List<Voicemail> list(Sql sql, Caller caller, VoicemailFilter filter, VoicemailSort sort, Cursor cursor,
                                int fetchSize) {
        String name = "voicemails.list." + filter.queue().wireName() + "." + sort.wireName();
        List<Visibility.Fragment> alternatives =
                Visibility.workItemAlternatives(caller, "v.assigned_to_id", "v.department");
        if (filter.queue() == VoicemailQueue.DEPARTMENT && alternatives.size() > 1) {
            return listMerged(sql, name, alternatives, caller, filter, sort, cursor, fetchSize);
        }
        Visibility.Fragment visible = Visibility.workItem(caller, "v.assigned_to_id", "v.department");
        List<Object> params = new ArrayList<>(visible.params());
        String where = visible.sql() + narrowing(params, caller, filter, sort, cursor);
        params.add(fetchSize);
        return sql.query(name, "select " + COLUMNS + " from voicemails v where " + where + " order by " + sort.orderBy()
                + " limit ?", VOICEMAIL, params.toArray());
    }

    /**
     * An agent's department queue. "Assigned to me or unassigned in my department" is an OR that no index keeps in order,
     * so Postgres would fetch every match and sort it (all unread ones of a 30k-voicemail department at 1m rows). Each
     * alternative is read instead as a page of its own along its ordered index ((assigned_to_id | department),
     * [priority_rank,] created_at, id), and the two pages are merged: the same rows and order, a few dozen rows read.
     */
    private static List<Voicemail> listMerged(Sql sql, String name, List<Visibility.Fragment> alternatives,
                                              Caller caller, VoicemailFilter filter, VoicemailSort sort, Cursor cursor,
                                              int fetchSize) {
        List<Object> params = new ArrayList<>();
        List<String> pages = new ArrayList<>();
        for (Visibility.Fragment alternative : alternatives) {
            params.addAll(alternative.params());
            pages.add("(select " + COLUMNS + ", v.priority_rank from voicemails v where " + alternative.sql()
                    + narrowing(params, caller, filter, sort, cursor) + " order by " + sort.orderBy() + " limit ?)");
            params.add(fetchSize);
        }
        params.add(fetchSize);
        return sql.query(name, "select " + COLUMNS + " from (" + String.join(" union all ", pages) + ") v order by "
                + sort.orderBy() + " limit ?", VOICEMAIL, params.toArray());
    }

    /** The queue, filters and keyset that follow the visibility predicate; their values are appended to params. */
    private static String narrowing(List<Object> params, Caller caller, VoicemailFilter filter, VoicemailSort sort,
                                    Cursor cursor) {
        StringBuilder where = new StringBuilder();
        appendQueue(where, params, filter.queue(), caller);
        if (filter.unread() != null) {
            where.append(filter.unread() ? " and v.read_at is null" : " and v.read_at is not null");
        }
        // The rank generated from priority (one to one) rather than priority itself: as an equality it leads the
        // (..., priority_rank, created_at, id) indexes, which then serve the newest-first order of one priority too.
        appendIf(where, params, " and v.priority_rank = ?",
                filter.priority() == null ? null : (short) filter.priority().rank());
        appendIf(where, params, " and v.created_at >= ?", filter.from());
        appendIf(where, params, " and v.created_at < ?", filter.to());
        if (cursor != null) {
            where.append(" and ").append(sort.afterPredicate());
            params.addAll(sort.afterParams(cursor));
        }
        return where.toString();
    }

    private static void appendQueue(StringBuilder where, List<Object> params, VoicemailQueue queue, Caller caller) {
        switch (queue) {
            case MINE -> appendIf(where, params, " and v.assigned_to_id = ?", caller.userId());
            case DEPARTMENT -> {
                // VoicemailQueue.parse refuses this queue to callers without a department; never widen it silently.
                where.append(" and v.department = ?");
                params.add(Objects.requireNonNull(caller.department(), "department queue of a caller without department"));
            }
            case UNASSIGNED -> where.append(" and v.assigned_to_id is null");
            case ALL -> { }
        }
    }

    private static void appendIf(StringBuilder where, List<Object> params, String sql, Object param) {
        if (param != null) {
            where.append(sql);
            params.add(param);
        }
    }

    /**
     * Applies {@code changes} if the caller may see the voicemail and, when {@code expectedVersion} is given, it is still at
     * that version; returns it with its assignee's department and its previous assignee. Empty when nothing matched: the
     * voicemail is missing, hidden, or at another version.
     */
    public Optional<VoicemailUpdate> update(Sql sql, Caller caller, UUID id, VoicemailChanges changes,
                                      OptionalLong expectedVersion, Instant now) {
        Visibility.Fragment visible = Visibility.workItem(caller, "v.assigned_to_id", "v.department");
        StringBuilder set = new StringBuilder();
        List<Object> params = new ArrayList<>();
        if (changes.read() != null) {
            set.append("read_at = case when ? then coalesce(v.read_at, ?) end, ");
            params.add(changes.read());
            params.add(now);
        }
        if (changes.priority() != null) {
            set.append("priority = ?, ");
            params.add(changes.priority().wireName());
        }
        if (changes.assignedToId() != null) {
            set.append("assigned_to_id = ?, ");
            params.add(changes.assignedToId());
        }
        params.add(now);
        params.add(id);
        params.addAll(visible.params());
        String versionCheck = expectedVersion.isPresent() ? " and v.version = ?" : "";
        expectedVersion.ifPresent(params::add);
        return sql.queryOne("voicemails.update", "update voicemails v set " + set
                + "version = v.version + 1, updated_at = ? " + PREVIOUS + "where v.id = previous.id and " + visible.sql()
                + versionCheck + RETURNING_UPDATED, UPDATED, params.toArray());
    }

    /** Locks the named voicemails for a bulk action and returns those that exist, with their assignees' departments. */
    public List<VoicemailRow> lockAll(Sql sql, List<UUID> ids) {
        return sql.query("voicemails.lockAll", "select " + COLUMNS + ", u.department as assignee_department "
                + "from voicemails v left join users u on u.id = v.assigned_to_id "
                + "where v.id = any(?) order by v.id for update of v", WITH_ASSIGNEE_DEPARTMENT, ids);
    }

    /** Marks the voicemails read (or unread); rows already in that state keep their version. */
    public int setRead(Sql sql, List<UUID> ids, boolean read, Instant now) {
        return read
                ? sql.update("voicemails.markRead", "update voicemails set read_at = ?, version = version + 1, updated_at = ? "
                        + "where id = any(?) and read_at is null", now, now, ids)
                : sql.update("voicemails.markUnread", "update voicemails set read_at = null, version = version + 1, "
                        + "updated_at = ? where id = any(?) and read_at is not null", now, ids);
    }

    /** Assigns the voicemails to {@code assigneeId}; rows already assigned to them keep their version. */
    public int assign(Sql sql, List<UUID> ids, UUID assigneeId, Instant now) {
        return sql.update("voicemails.assign", "update voicemails set assigned_to_id = ?, version = version + 1, "
                + "updated_at = ? where id = any(?) and assigned_to_id is distinct from ?", assigneeId, now, ids, assigneeId);
    }

    public int deleteAll(Sql sql, List<UUID> ids) {
        return sql.update("voicemails.deleteAll", "delete from voicemails where id = any(?)", ids);
    }
}
