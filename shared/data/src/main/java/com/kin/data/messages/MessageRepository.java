package com.kin.data.messages;

import com.kin.core.domain.Message;
import com.kin.core.identity.Caller;
import com.kin.core.page.Cursor;
import com.kin.data.Rows;
import com.kin.data.Sql;
import com.kin.data.Visibility;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;

/**
 * Messages in Postgres. Single messages are filtered by {@link Visibility#message}, threads by
 * {@link Visibility#contactThread}. A thread is read newest first: (created_at desc, id desc), served by
 * idx_messages_contact_id_created_at_id.
 */
@Singleton
public class MessageRepository {

    /** The one order of a thread, as cursors name it. */
    public static final String THREAD_SORT = "newest";

    /** The message, if the caller may see it. */
    public Optional<Message> find(Sql sql, Caller caller, UUID id) {
        Visibility.Fragment visible = Visibility.message(caller, "m");
        List<Object> params = new ArrayList<>();
        params.add(id);
        params.addAll(visible.params());
        return sql.queryOne("messages.byId",
                "select " + MessageColumns.COLUMNS + " from messages m where m.id = ? and " + visible.sql(),
                MessageColumns::read, params.toArray());
    }

    /**
     * One page (plus one row) of the thread with {@code contactId}, newest first, after {@code cursor}; empty when the
     * contact does not exist or the caller may not see it. One statement: the contact row decides visibility, and a
     * LATERAL reads its messages (a visible contact without messages yields one row of nulls).
     */
    public Optional<List<Message>> thread(Sql sql, Caller caller, UUID contactId, Cursor cursor, int fetchSize) {
        Visibility.Fragment visible = Visibility.contactThread(caller, "c.owner_id");
        List<Object> params = new ArrayList<>();
        String after = "";
        if (cursor != null) {
            after = " and (m.created_at, m.id) < (?, ?)";
            params.add(MessageColumns.cursorTime(cursor));
            params.add(cursor.id());
        }
        params.add(fetchSize);
        params.add(contactId);
        params.addAll(visible.params());
        List<Optional<Message>> rows = sql.query("messages.thread",
                "select " + MessageColumns.COLUMNS + " from contacts c left join lateral (select * from messages m "
                        + "where m.contact_id = c.id" + after + " order by m.created_at desc, m.id desc limit ?) m on true "
                        + "where c.id = ? and " + visible.sql() + " order by m.created_at desc, m.id desc",
                row -> Rows.uuid(row, "id") == null ? Optional.empty() : Optional.of(MessageColumns.read(row)),
                params.toArray());
        return rows.isEmpty() ? Optional.empty() : Optional.of(rows.stream().flatMap(Optional::stream).toList());
    }

    public static Cursor threadCursorOf(Message message) {
        return new Cursor(THREAD_SORT, message.createdAt().toString(), message.id());
    }

    /**
     * Marks the message read ({@code read_at} keeps the first time it was read) or unread, if the caller may see it and,
     * when {@code expectedVersion} is given, it is still at that version. Empty when nothing matched. The message comes
     * back with its placement, in the same statement.
     */
    public Optional<MessageRow> setRead(Sql sql, Caller caller, UUID id, boolean read, OptionalLong expectedVersion,
                                        Instant now) {
        Visibility.Fragment visible = Visibility.message(caller, "m");
        List<Object> params = new ArrayList<>(List.of(read, now, now, id));
        params.addAll(visible.params());
        String versionCheck = expectedVersion.isPresent() ? " and m.version = ?" : "";
        expectedVersion.ifPresent(params::add);
        return sql.queryOne("messages.setRead",
                "with m as (update messages m set read_at = case when ? then coalesce(m.read_at, ?) end, "
                        + "version = m.version + 1, updated_at = ? where m.id = ? and " + visible.sql() + versionCheck
                        + " returning m.*) select " + MessageColumns.COLUMNS + ", " + MessagePlacements.COLUMNS
                        + " from m" + MessagePlacements.JOINS,
                MessageRow::read, params.toArray());
    }

    /**
     * Locks the named messages for a bulk action (in id order), says which of them the caller may see, and where each
     * sits for visibility (read before the action, so a delete still knows what it removed).
     */
    public List<MessageLock> lockAll(Sql sql, Caller caller, List<UUID> ids) {
        Visibility.Fragment visible = Visibility.message(caller, "m");
        List<Object> params = new ArrayList<>(visible.params());
        params.add(ids);
        return sql.query("messages.lockAll",
                "select m.id, m.user_id, m.contact_id, " + visible.sql() + " as visible, " + MessagePlacements.COLUMNS
                        + " from messages m" + MessagePlacements.JOINS + " where m.id = any(?) order by m.id for update of m",
                row -> new MessageLock(Rows.uuid(row, "id"), row.getBoolean("visible"), MessagePlacements.read(row)),
                params.toArray());
    }

    /** Marks all {@code ids} read (keeping an earlier read time) or unread, in one statement. */
    public int setReadAll(Sql sql, List<UUID> ids, boolean read, Instant now) {
        return sql.update("messages.setReadAll",
                "update messages m set read_at = case when ? then coalesce(m.read_at, ?) end, "
                        + "version = m.version + 1, updated_at = ? where m.id = any(?)",
                read, now, now, ids);
    }

    public int deleteAll(Sql sql, List<UUID> ids) {
        return sql.update("messages.deleteAll", "delete from messages where id = any(?)", ids);
    }
}
