package com.kin.testing;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the planner's choice for a query, so tests can assert that a query is served by an index.
 *
 * <p>The query is only planned (EXPLAIN without ANALYZE), with its parameters bound, so the planner sees the
 * actual values just as it does when the application runs the statement. Run {@link BulkLoader#analyze()} (or
 * ANALYZE) after loading data: plans are only meaningful on fresh statistics.
 */
public final class Explain {

    /**
     * Every plan node, depth first. PostgreSQL parses its own JSON: {@code strict $.**} visits each object of the
     * plan tree, and the ones with a "Node Type" are the plan nodes.
     */
    private static final String PLAN_NODES = """
            select node ->> 'Node Type', node ->> 'Relation Name', node ->> 'Index Name'
              from jsonb_path_query(cast(? as jsonb), 'strict $.**') with ordinality as found(node, position)
             where jsonb_typeof(node) = 'object' and node -> 'Node Type' is not null
             order by position""";

    /** One node of a plan; relationName and indexName are null where the node type has none. */
    public record PlanNode(String nodeType, String relationName, String indexName) {

        public boolean isSeqScanOn(String table) {
            return "Seq Scan".equals(nodeType) && table.equals(relationName);
        }

        @Override
        public String toString() {
            return nodeType + (relationName == null ? "" : " on " + relationName)
                    + (indexName == null ? "" : " using " + indexName);
        }
    }

    private Explain() {
    }

    /** The text of {@code EXPLAIN (FORMAT JSON) <sql>} with the parameters bound. */
    public static String plan(DataSource ds, String sql, Object... params) {
        try (Connection connection = ds.getConnection()) {
            return plan(connection, sql, params);
        } catch (SQLException e) {
            throw new IllegalStateException("explain - failed to plan: " + sql, e);
        }
    }

    /** The plan's nodes, depth first from the root. */
    public static List<PlanNode> nodes(DataSource ds, String sql, Object... params) {
        try (Connection connection = ds.getConnection()) {
            return nodesOf(connection, plan(connection, sql, params));
        } catch (SQLException e) {
            throw new IllegalStateException("explain - failed to plan: " + sql, e);
        }
    }

    /** Names of the indexes the plan reads, in plan order. */
    public static List<String> indexesUsed(DataSource ds, String sql, Object... params) {
        return nodes(ds, sql, params).stream().map(PlanNode::indexName).filter(name -> name != null).toList();
    }

    /** Fails with the whole plan in the message when the planner reads {@code table} sequentially. */
    public static List<PlanNode> assertNoSeqScan(DataSource ds, String table, String sql, Object... params) {
        List<PlanNode> nodes = nodes(ds, sql, params);
        if (nodes.stream().anyMatch(node -> node.isSeqScanOn(table))) {
            throw new AssertionError("expected no Seq Scan on " + table + " but the plan is " + nodes
                    + "\nfor: " + sql);
        }
        return nodes;
    }

    /** Fails with the whole plan in the message when the planner does not read {@code indexName}. */
    public static List<PlanNode> assertUsesIndex(DataSource ds, String indexName, String sql, Object... params) {
        List<PlanNode> nodes = nodes(ds, sql, params);
        if (nodes.stream().noneMatch(node -> indexName.equals(node.indexName()))) {
            throw new AssertionError("expected the plan to use " + indexName + " but it is " + nodes
                    + "\nfor: " + sql);
        }
        return nodes;
    }

    private static String plan(Connection connection, String sql, Object... params) throws SQLException {
        try (PreparedStatement statement = Jdbc.prepare(connection, "explain (format json) " + sql, params);
             ResultSet rows = statement.executeQuery()) {
            rows.next();
            return rows.getString(1);
        }
    }

    private static List<PlanNode> nodesOf(Connection connection, String planJson) throws SQLException {
        List<PlanNode> nodes = new ArrayList<>();
        try (PreparedStatement statement = Jdbc.prepare(connection, PLAN_NODES, planJson);
             ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                nodes.add(new PlanNode(rows.getString(1), rows.getString(2), rows.getString(3)));
            }
        }
        return nodes;
    }
}
