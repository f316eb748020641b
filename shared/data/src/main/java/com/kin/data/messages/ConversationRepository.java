package com.kin.data.messages;

import com.kin.core.domain.ContactSummary;
import com.kin.core.domain.Conversation;
import com.kin.core.identity.Caller;
import com.kin.core.page.Cursor;
import com.kin.data.Rows;
import com.kin.data.Sql;
import com.kin.data.Visibility;
import jakarta.inject.Singleton;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * The conversation list: one row per contact with messages, newest conversation first, read from the conversations table
 * that triggers on messages keep (migration V10 says why a table and not a read-time aggregate).
 *
 * <p>A page is a range scan of (owner_id, last_message_at, contact_id) for an agent or of (last_message_at, contact_id)
 * for everyone else, plus two primary-key joins per row (contact, latest message): its cost depends on the page size, not
 * on how many messages or contacts there are.
 */
@Singleton
public class ConversationRepository {

    /** The one order of the conversation list, as cursors name it. */
    public static final String SORT = "latest";

    private static final String COLUMNS = "cv.unread_count, cv.last_message_at, c.owner_id as contact_owner_id, "
            + "c.first_name as contact_first_name, c.last_name as contact_last_name, "
            + "c.organization as contact_organization, c.phone as contact_phone, "
            + "c.mobile_phone as contact_mobile_phone, c.sms_opt_out as contact_sms_opt_out, " + MessageColumns.COLUMNS;

    /** One page (plus one row) of the conversations of the contacts the caller may see, after {@code cursor}. */
    public List<Conversation> list(Sql sql, Caller caller, Cursor cursor, int fetchSize) {
        Visibility.Fragment visible = Visibility.contactThread(caller, "cv.owner_id");
        StringBuilder where = new StringBuilder(visible.sql());
        List<Object> params = new ArrayList<>(visible.params());
        if (cursor != null) {
            where.append(" and (cv.last_message_at, cv.contact_id) < (?, ?)");
            params.add(MessageColumns.cursorTime(cursor));
            params.add(cursor.id());
        }
        params.add(fetchSize);
        return sql.query("conversations.list",
                "select " + COLUMNS + " from conversations cv join contacts c on c.id = cv.contact_id "
                        + "join messages m on m.id = cv.last_message_id where " + where
                        + " order by cv.last_message_at desc, cv.contact_id desc limit ?",
                ConversationRepository::conversation, params.toArray());
    }

    public static Cursor cursorOf(Conversation conversation) {
        return new Cursor(SORT, conversation.lastMessageAt().toString(), conversation.contact().id());
    }

    private static Conversation conversation(ResultSet row) throws SQLException {
        ContactSummary contact = new ContactSummary(Rows.uuid(row, "contact_id"), Rows.uuid(row, "contact_owner_id"),
                row.getString("contact_first_name"), row.getString("contact_last_name"),
                row.getString("contact_organization"), row.getString("contact_phone"),
                row.getString("contact_mobile_phone"), row.getBoolean("contact_sms_opt_out"));
        return new Conversation(contact, MessageColumns.read(row), row.getInt("unread_count"),
                Rows.instant(row, "last_message_at"));
    }
}
