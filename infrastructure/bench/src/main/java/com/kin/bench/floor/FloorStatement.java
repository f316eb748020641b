package com.kin.bench.floor;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.List;

/** One statement of a floor: a repository's SQL as the function sends it, and where each of its parameters comes from. */
public record FloorStatement(String name, String sql, List<FloorParam> params) {

    public FloorStatement {
        params = List.copyOf(params);
    }

    static FloorStatement byId(String name, String sql) {
        return new FloorStatement(name, sql, List.of(FloorParam.pathId("id")));
    }

    /** The values the statement is bound to for {@code request}, in placeholder order. */
    Object[] values(FloorRequest request) {
        return params.stream().map(param -> param.value(request)).toArray();
    }

    /** Every row, each as an object of its columns (arrays as arrays, other values as text). */
    ArrayNode run(Connection connection, FloorRequest request) throws SQLException {
        Object[] values = values(request);
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                statement.setObject(i + 1, values[i]);
            }
            ArrayNode rows = JsonNodeFactory.instance.arrayNode();
            try (ResultSet result = statement.executeQuery()) {
                while (result.next()) {
                    rows.add(row(result));
                }
            }
            return rows;
        }
    }

    private static ObjectNode row(ResultSet rows) throws SQLException {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        ResultSetMetaData meta = rows.getMetaData();
        for (int column = 1; column <= meta.getColumnCount(); column++) {
            Object value = rows.getObject(column);
            node.putPOJO(meta.getColumnLabel(column), value instanceof java.sql.Array array ? array.getArray()
                    : value == null ? null : value.toString());
        }
        return node;
    }
}
