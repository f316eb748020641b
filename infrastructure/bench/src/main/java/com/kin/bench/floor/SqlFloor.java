package com.kin.bench.floor;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;

/**
 * A floor that reads Postgres: plain PgJDBC, one connection per invocation (no pool, no AWS JDBC wrapper), the
 * statements in order. {@link Shape#ROW}: one statement, its first row is the body, none is 404 (a GET by id).
 * {@link Shape#GROUPS}: every statement's rows under its name (a search).
 */
public record SqlFloor(Shape shape, List<FloorStatement> statements) implements FloorWork {

    public enum Shape { ROW, GROUPS }

    private static final ObjectMapper JSON = new ObjectMapper();

    public SqlFloor {
        statements = List.copyOf(statements);
        if (statements.isEmpty() || (shape == Shape.ROW && statements.size() != 1)) {
            throw new IllegalArgumentException("floor - a " + shape + " floor takes " + (shape == Shape.ROW ? "one" : "some")
                    + " statement(s), got " + statements.size());
        }
    }

    static SqlFloor row(FloorStatement statement) {
        return new SqlFloor(Shape.ROW, List.of(statement));
    }

    static SqlFloor groups(FloorStatement... statements) {
        return new SqlFloor(Shape.GROUPS, List.of(statements));
    }

    @Override
    public Result run(FloorRequest request) throws SQLException, IOException {
        try (Connection connection = DriverManager.getConnection(plainUrl(request.env("DB_URL")),
                request.env("DB_USER"), request.env("DB_PASSWORD"))) {
            ObjectNode body = JSON.createObjectNode();
            for (FloorStatement statement : statements) {
                ArrayNode rows = statement.run(connection, request);
                if (shape == Shape.ROW) {
                    return rows.isEmpty() ? Result.notFound() : new Result(200, JSON.writeValueAsString(rows.get(0)));
                }
                body.set(statement.name(), rows);
            }
            return new Result(200, JSON.writeValueAsString(body));
        }
    }

    /** The function's DB_URL goes through the AWS JDBC wrapper; the floor talks to the same server with PgJDBC only. */
    static String plainUrl(String url) {
        return url.replaceFirst("^jdbc:aws-wrapper:", "jdbc:");
    }
}
