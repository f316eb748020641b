package com.kin.testing;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Drops a table's secondary indexes before a bulk insert and rebuilds them afterwards, inside the caller's
 * transaction. Building an index once over sorted data is several times cheaper than maintaining it row by row,
 * and because DDL is transactional in PostgreSQL a failed load rolls back to the original indexes.
 *
 * <p>Indexes that back a constraint (primary keys, UNIQUE Twilio SIDs) stay in place so the load is still checked.
 * Each rebuilt index gets the exact definition and comment it had, read back from the catalog.
 */
final class DeferredIndexes {

    /** Per index: its DROP, its CREATE and the COMMENT that restores its description; quoted by PostgreSQL. */
    private static final String SECONDARY_INDEXES = """
            select format('drop index %s', x.indexrelid::regclass),
                   pg_get_indexdef(x.indexrelid),
                   format('comment on index %s is %L', x.indexrelid::regclass,
                          obj_description(x.indexrelid, 'pg_class'))
              from pg_index x
             where x.indrelid = cast(? as regclass)
               and not exists (select 1 from pg_constraint c where c.conindid = x.indexrelid)""";

    private final List<String> rebuild;

    private DeferredIndexes(List<String> rebuild) {
        this.rebuild = rebuild;
    }

    /** Drops the secondary indexes of {@code table}; the connection must not be in auto-commit mode. */
    static DeferredIndexes drop(Connection connection, String table) throws SQLException {
        List<String> drops = new ArrayList<>();
        List<String> rebuild = new ArrayList<>();
        try (PreparedStatement statement = Jdbc.prepare(connection, SECONDARY_INDEXES, table);
             ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                drops.add(rows.getString(1));
                rebuild.add(rows.getString(2));
                rebuild.add(rows.getString(3));
            }
        }
        executeAll(connection, drops);
        return new DeferredIndexes(rebuild);
    }

    /** Builds every dropped index again, with its comment. */
    void rebuild(Connection connection) throws SQLException {
        executeAll(connection, rebuild);
    }

    private static void executeAll(Connection connection, List<String> statements) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        }
    }
}
