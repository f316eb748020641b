package com.kin.data.templates;

import com.kin.core.domain.MessageTemplate;
import com.kin.core.page.Cursor;
import com.kin.data.RowMapper;
import com.kin.data.Rows;
import com.kin.data.Sql;
import jakarta.inject.Singleton;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;

/**
 * Message templates in Postgres. Templates are shared by everyone, so reads are not filtered by caller; who may write is
 * decided by the service. Names are unique (message_templates_name_key), so the name alone orders the list: keyset pages
 * are range scans of that unique index.
 */
@Singleton
public class TemplateRepository {

    /** The one order of the template list, as cursors name it. */
    public static final String SORT = "name";

    private static final String COLUMNS = "t.id, t.name, t.body, t.variables, t.created_by, t.created_at, t.updated_at, "
            + "t.version";
    private static final RowMapper<MessageTemplate> TEMPLATE = TemplateRepository::template;

    /** One page (plus one row) of templates by name, after {@code cursor}. */
    public List<MessageTemplate> list(Sql sql, Cursor cursor, int fetchSize) {
        if (cursor == null) {
            return sql.query("templates.list", "select " + COLUMNS + " from message_templates t order by t.name limit ?",
                    TEMPLATE, fetchSize);
        }
        return sql.query("templates.list",
                "select " + COLUMNS + " from message_templates t where t.name > ? order by t.name limit ?",
                TEMPLATE, cursor.value(), fetchSize);
    }

    public static Cursor cursorOf(MessageTemplate template) {
        return new Cursor(SORT, template.name(), template.id());
    }

    public Optional<MessageTemplate> find(Sql sql, UUID id) {
        return sql.queryOne("templates.byId", "select " + COLUMNS + " from message_templates t where t.id = ?", TEMPLATE, id);
    }

    /** The template, locked until the transaction ends, so a partial update can be checked against its current body. */
    public Optional<MessageTemplate> lock(Sql sql, UUID id) {
        return sql.queryOne("templates.lock", "select " + COLUMNS + " from message_templates t where t.id = ? for update",
                TEMPLATE, id);
    }

    /** Inserts the template; empty when another template already has its name. */
    public Optional<MessageTemplate> insert(Sql sql, TemplateValues values, UUID createdBy, Instant now) {
        return sql.queryOne("templates.insert",
                "insert into message_templates as t (name, body, variables, created_by, created_at, updated_at) "
                        + "values (?, ?, ?, ?, ?, ?) on conflict on constraint message_templates_name_key do nothing "
                        + "returning " + COLUMNS,
                TEMPLATE, values.name(), values.body(), values.variables(), createdBy, now, now);
    }

    /**
     * Replaces name, body and variables if the template is still at {@code version}; empty when it is not (or is gone).
     * A name taken by another template fails with a unique violation.
     */
    public Optional<MessageTemplate> update(Sql sql, UUID id, TemplateValues values, long version, Instant now) {
        return sql.queryOne("templates.update",
                "update message_templates t set name = ?, body = ?, variables = ?, version = t.version + 1, "
                        + "updated_at = ? where t.id = ? and t.version = ? returning " + COLUMNS,
                TEMPLATE, values.name(), values.body(), values.variables(), now, id, version);
    }

    /** Deletes the template if it is at {@code expectedVersion} (when given). */
    public boolean delete(Sql sql, UUID id, OptionalLong expectedVersion) {
        List<Object> params = new ArrayList<>(List.of(id));
        expectedVersion.ifPresent(params::add);
        return sql.update("templates.delete", "delete from message_templates t where t.id = ?"
                + (expectedVersion.isPresent() ? " and t.version = ?" : ""), params.toArray()) == 1;
    }

    private static MessageTemplate template(ResultSet row) throws SQLException {
        return new MessageTemplate(Rows.uuid(row, "id"), row.getString("name"), row.getString("body"),
                texts(row.getArray("variables")), Rows.uuid(row, "created_by"), Rows.instant(row, "created_at"),
                Rows.instant(row, "updated_at"), row.getLong("version"));
    }

    private static List<String> texts(Array array) throws SQLException {
        return array == null ? List.of() : List.copyOf(Arrays.asList((String[]) array.getArray()));
    }
}
