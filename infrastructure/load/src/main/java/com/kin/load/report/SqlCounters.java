package com.kin.load.report;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;

/**
 * Postgres's own counters for the runtime's database, read before and after the measured window. pg_stat_database
 * counts transactions and rows for every client; pg_stat_statements, when the server was started with it in
 * shared_preload_libraries, counts statements (the local runtime does not load it, so the figure is then transactions:
 * every statement the functions run outside a transaction is one, a transaction of several counts once, so it is a
 * lower bound on statements). The collector publishes backends' counters up to half a second late, so the "after"
 * reading waits a second.
 */
public final class SqlCounters {

    /** One reading: {@code statements} null when pg_stat_statements is not available. */
    public record Snapshot(long nanos, Long statements, long transactions, long rowsRead, long rowsWritten) {
    }

    private SqlCounters() {
    }

    public static Snapshot read(Connection connection) throws SQLException {
        connection.setAutoCommit(true);
        try (Statement statement = connection.createStatement()) {
            // A new transaction sees fresh statistics (each transaction otherwise keeps its first snapshot).
            statement.execute("select pg_stat_clear_snapshot()");
            try (ResultSet row = statement.executeQuery("select xact_commit + xact_rollback, tup_returned + tup_fetched,"
                    + " tup_inserted + tup_updated + tup_deleted from pg_stat_database where datname = current_database()")) {
                if (!row.next()) {
                    throw new SQLException("sql counters - pg_stat_database has no row for the current database");
                }
                return new Snapshot(System.nanoTime(), statements(connection), row.getLong(1), row.getLong(2), row.getLong(3));
            }
        }
    }

    /** Calls of every statement in this database, or null when pg_stat_statements is not installed and loaded. */
    private static Long statements(Connection connection) {
        try (Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("select coalesce(sum(calls), 0) from pg_stat_statements"
                     + " where dbid = (select oid from pg_database where datname = current_database())")) {
            return row.next() ? row.getLong(1) : null;
        } catch (SQLException e) {
            // Not installed (undefined table) or not preloaded: the transaction counters stand in.
            return null;
        }
    }

    public static LoadReport.SqlResult between(Snapshot before, Snapshot after) {
        double minutes = (after.nanos() - before.nanos()) / 60e9;
        long transactions = after.transactions() - before.transactions();
        Long statements = before.statements() == null || after.statements() == null ? null
                : after.statements() - before.statements();
        String source = statements != null ? "pg_stat_statements" : "pg_stat_database";
        String meaning = statements != null
                ? "statements executed in the database (pg_stat_statements calls), all clients, during the measured window"
                : "transactions committed or rolled back in the database (pg_stat_database xact_commit + xact_rollback),"
                + " all clients, during the measured window; each autocommit statement is one transaction, a"
                + " multi-statement transaction counts once, so this is a lower bound on SQL statements";
        return new LoadReport.SqlResult(source, statements, statements == null ? null : round(statements / minutes),
                transactions, round(transactions / minutes), after.rowsRead() - before.rowsRead(),
                after.rowsWritten() - before.rowsWritten(), round(minutes), meaning);
    }

    private static double round(double value) {
        return Double.parseDouble(String.format(Locale.ROOT, "%.2f", value));
    }
}
