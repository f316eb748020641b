package com.kin.data.contacts;

import com.kin.core.domain.Contact;
import com.kin.core.identity.Caller;
import com.kin.core.page.Cursor;
import com.kin.data.RowMapper;
import com.kin.data.Sql;
import com.kin.data.Visibility;
import jakarta.inject.Singleton;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;

/** Contacts in Postgres. Every read and write is filtered by the caller's {@link Visibility}. */
@Singleton
public class ContactRepository {

    static final String COLUMNS = "c.id, c.owner_id, c.first_name, c.last_name, c.organization, c.phone, c.mobile_phone, "
            + "c.email, c.tags, c.sms_opt_out, c.sms_opt_out_at, c.notes, c.created_at, c.updated_at, c.version";

    public static final RowMapper<Contact> CONTACT = ContactRepository::contact;
    /** A contact read with its owner's department under the column name {@code department}. */
    static final RowMapper<ContactRow> CONTACT_ROW = row -> new ContactRow(contact(row), row.getString("department"));
    /** RETURNING clause of a write: the row and its (possibly new) owner's department. */
    private static final String RETURNING_ROW =
            " returning " + COLUMNS + ", (select u.department from users u where u.id = c.owner_id) as department";

    /** The contact with its owner's department, whoever may see it; callers check {@link Caller#canAccess}. */
    public Optional<ContactRow> find(Sql sql, UUID id) {
        return sql.queryOne("contacts.byId",
                "select " + COLUMNS + ", u.department from contacts c join users u on u.id = c.owner_id where c.id = ?",
                CONTACT_ROW, id);
    }

    /** One page (plus one row) of the contacts the caller may see, after {@code cursor} in {@code sort} order. */
    public List<Contact> list(Sql sql, Caller caller, ContactFilter filter, ContactSort sort, Cursor cursor, int fetchSize) {
        Visibility.Fragment visible = Visibility.owner(caller, "c.owner_id");
        StringBuilder where = new StringBuilder(visible.sql());
        List<Object> params = new ArrayList<>(visible.params());
        if (filter.text() != null) {
            where.append(" and c.search_text like ?");
            params.add("%" + escapeLike(filter.text().toLowerCase(java.util.Locale.ROOT)) + "%");
        }
        if (filter.tag() != null) {
            where.append(" and c.tags @> ?");
            params.add(List.of(filter.tag()));
        }
        if (filter.ownerId() != null) {
            where.append(" and c.owner_id = ?");
            params.add(filter.ownerId());
        }
        if (cursor != null) {
            where.append(" and ").append(sort.afterPredicate());
            params.addAll(sort.afterParams(cursor));
        }
        params.add(fetchSize);
        return sql.query("contacts.list." + sort.wireName(),
                "select " + COLUMNS + " from contacts c where " + where + " order by " + sort.orderBy() + " limit ?",
                CONTACT, params.toArray());
    }

    public ContactRow insert(Sql sql, Map<ContactField, Object> values, Instant now) {
        EnumMap<ContactField, Object> fields = new EnumMap<>(values);
        StringBuilder columns = new StringBuilder();
        StringBuilder marks = new StringBuilder();
        List<Object> params = new ArrayList<>();
        fields.forEach((field, value) -> {
            columns.append(field.column()).append(", ");
            marks.append("?, ");
            params.add(value);
        });
        params.add(now);
        params.add(now);
        return sql.queryOne("contacts.insert",
                "insert into contacts as c (" + columns + "created_at, updated_at) values (" + marks + "?, ?)" + RETURNING_ROW,
                CONTACT_ROW, params.toArray()).orElseThrow();
    }

    /**
     * Applies {@code changes} if the caller may see the contact and, when {@code expectedVersion} is given, it is still at
     * that version. Empty when nothing matched: the contact is missing, hidden, or at another version.
     */
    public Optional<ContactRow> update(Sql sql, Caller caller, UUID id, Map<ContactField, Object> changes,
                                    OptionalLong expectedVersion, Instant now) {
        Visibility.Fragment visible = Visibility.owner(caller, "c.owner_id");
        StringBuilder set = new StringBuilder();
        List<Object> params = new ArrayList<>();
        new EnumMap<>(changes).forEach((field, value) -> {
            set.append(field.column()).append(" = ?, ");
            params.add(value);
        });
        if (changes.containsKey(ContactField.SMS_OPT_OUT)) {
            set.append("sms_opt_out_at = case when ? then coalesce(c.sms_opt_out_at, ?) end, ");
            params.add(changes.get(ContactField.SMS_OPT_OUT));
            params.add(now);
        }
        params.add(now);
        params.add(id);
        params.addAll(visible.params());
        String versionCheck = expectedVersion.isPresent() ? " and c.version = ?" : "";
        expectedVersion.ifPresent(params::add);
        return sql.queryOne("contacts.update",
                "update contacts c set " + set + "version = c.version + 1, updated_at = ? where c.id = ? and "
                        + visible.sql() + versionCheck + RETURNING_ROW,
                CONTACT_ROW, params.toArray());
    }

    /** Deletes the contact if the caller may see it and it is at {@code expectedVersion} (when given); returns what it was. */
    public Optional<ContactRow> delete(Sql sql, Caller caller, UUID id, OptionalLong expectedVersion) {
        Visibility.Fragment visible = Visibility.owner(caller, "c.owner_id");
        List<Object> params = new ArrayList<>();
        params.add(id);
        params.addAll(visible.params());
        String versionCheck = expectedVersion.isPresent() ? " and c.version = ?" : "";
        expectedVersion.ifPresent(params::add);
        return sql.queryOne("contacts.delete",
                "delete from contacts c where c.id = ? and " + visible.sql() + versionCheck + RETURNING_ROW,
                CONTACT_ROW, params.toArray());
    }

    /** Locks the named contacts for a bulk action and returns those that exist, with their owners' departments. */
    public List<ContactRow> lockAll(Sql sql, List<UUID> ids) {
        return sql.query("contacts.lockAll",
                "select " + COLUMNS + ", u.department from contacts c join users u on u.id = c.owner_id "
                        + "where c.id = any(?) order by c.id for update of c",
                CONTACT_ROW, ids);
    }

    public int deleteAll(Sql sql, List<UUID> ids) {
        return sql.update("contacts.deleteAll", "delete from contacts where id = any(?)", ids);
    }

    /** Sets each contact's tags (one statement for the batch): {@code tagsById} maps id to its new tag list. */
    public int setTags(Sql sql, Map<UUID, List<String>> tagsById, Instant now) {
        List<UUID> ids = new ArrayList<>(tagsById.keySet());
        List<String> encoded = ids.stream().map(id -> String.join(",", tagsById.get(id))).toList();
        return sql.update("contacts.setTags",
                "update contacts c set tags = case when v.tags = '' then '{}'::text[] else string_to_array(v.tags, ',') end, "
                        + "version = c.version + 1, updated_at = ? "
                        + "from unnest(?::uuid[], ?::text[]) as v(id, tags) where c.id = v.id",
                now, ids, encoded);
    }

    public int reassign(Sql sql, List<UUID> ids, UUID ownerId, Instant now) {
        return sql.update("contacts.reassign",
                "update contacts set owner_id = ?, version = version + 1, updated_at = ? where id = any(?)", ownerId, now, ids);
    }

    /** The contacts whose phone or mobile phone is {@code e164}, oldest first (an inbound call or SMS is matched to the first). */
    public List<Contact> findByPhone(Sql sql, String e164) {
        return sql.query("contacts.byPhone",
                "select " + COLUMNS + " from contacts c where c.phone = ? or c.mobile_phone = ? order by c.created_at, c.id limit 10",
                CONTACT, e164, e164);
    }

    static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    private static Contact contact(ResultSet row) throws SQLException {
        return new Contact(row.getObject("id", UUID.class), row.getObject("owner_id", UUID.class),
                row.getString("first_name"), row.getString("last_name"), row.getString("organization"),
                row.getString("phone"), row.getString("mobile_phone"), row.getString("email"),
                textArray(row.getArray("tags")), row.getBoolean("sms_opt_out"), instant(row, "sms_opt_out_at"),
                row.getString("notes"), instant(row, "created_at"), instant(row, "updated_at"), row.getLong("version"));
    }

    static List<String> textArray(Array array) throws SQLException {
        return array == null ? List.of() : List.copyOf(Arrays.asList((String[]) array.getArray()));
    }

    static Instant instant(ResultSet row, String column) throws SQLException {
        Timestamp value = row.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }
}
