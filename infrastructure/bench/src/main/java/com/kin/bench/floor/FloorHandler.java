package com.kin.bench.floor;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.Map;
import java.util.UUID;

/**
 * The cold-start floor: what a GET by id costs with no framework at all. Plain PgJDBC (one connection per invocation,
 * no pool, no AWS JDBC wrapper), Jackson for the body, the SQL of {@link FloorQueries} for the function named by
 * FLOOR_FUNCTION. It runs under the same runtime interface client, JVM flags and environment as the real function.
 */
public final class FloorHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        String function = env("FLOOR_FUNCTION");
        String sql = FloorQueries.byId(function)
                .orElseThrow(() -> new IllegalStateException("floor - no query for function " + function));
        UUID id = UUID.fromString(event.getPathParameters().get("id"));
        try (Connection connection = DriverManager.getConnection(plainUrl(env("DB_URL")), env("DB_USER"), env("DB_PASSWORD"));
             PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setObject(1, id);
            try (ResultSet rows = statement.executeQuery()) {
                if (!rows.next()) {
                    return response(404, "{\"status\":404}");
                }
                return response(200, JSON.writeValueAsString(row(rows)));
            }
        } catch (SQLException | java.io.IOException e) {
            throw new IllegalStateException("floor - failed to read " + function + " " + id, e);
        }
    }

    /** The function's DB_URL goes through the AWS JDBC wrapper; the floor talks to the same server with PgJDBC only. */
    static String plainUrl(String url) {
        return url.replaceFirst("^jdbc:aws-wrapper:", "jdbc:");
    }

    private static ObjectNode row(ResultSet rows) throws SQLException {
        ObjectNode node = JSON.createObjectNode();
        ResultSetMetaData meta = rows.getMetaData();
        for (int column = 1; column <= meta.getColumnCount(); column++) {
            Object value = rows.getObject(column);
            node.putPOJO(meta.getColumnLabel(column), value instanceof java.sql.Array array ? array.getArray() : value == null ? null : value.toString());
        }
        return node;
    }

    private static APIGatewayV2HTTPResponse response(int status, String body) {
        return APIGatewayV2HTTPResponse.builder().withStatusCode(status)
                .withHeaders(Map.of("Content-Type", "application/json")).withBody(body).build();
    }

    private static String env(String name) {
        String value = System.getenv(name);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("floor - environment variable " + name + " is not set");
        }
        return value;
    }
}
