package com.kin.load.copy;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Drops a table's secondary indexes before a bulk load and builds them again after it, in the caller's transaction.
 * Building an index once is several times cheaper than maintaining it row by row (the GIN trigram and full-text
 * indexes above all), and since DDL is transactional a failed load rolls back to the original indexes. Indexes
 * behind a constraint (primary keys, unique Twilio SIDs) stay, so the load is still checked. Each index is rebuilt
 * from its own catalog definition, with its comment.
 */
public final class DeferredIndexes {

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

    /** Drops the secondary indexes of {@code table}; the connection must be inside a transaction. */
    public static DeferredIndexes drop(Connection connection, String table) throws SQLException {
        List<String> drops = new ArrayList<>();
        List<String> rebuild = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(SECONDARY_INDEXES)) {
            statement.setString(1, table);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    drops.add(rows.getString(1));
                    rebuild.add(rows.getString(2));
                    rebuild.add(rows.getString(3));
                }
            }
        }
        executeAll(connection, drops);
        return new DeferredIndexes(rebuild);
    }

    public int count() {
        return rebuild.size() / 2;
    }

    public void rebuild(Connection connection) throws SQLException {
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
