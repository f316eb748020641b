package com.kin.health;

import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import javax.sql.DataSource;

/**
 * Postgres through the function's own pool (AWS JDBC wrapper, RDS Proxy on AWS): one {@code select 1} with a statement
 * timeout of the check timeout, rounded up to JDBC's whole seconds. Nothing works without it, so it is critical.
 */
@Singleton
final class DatabaseCheck implements HealthCheck {

    static final String NAME = "database";
    private static final int LONGEST_MESSAGE = 300;

    private final DataSource dataSource;
    private final int queryTimeoutSeconds;

    DatabaseCheck(DataSource dataSource, HealthConfig config) {
        this.dataSource = dataSource;
        this.queryTimeoutSeconds = (int) Math.max(1, (config.checkTimeoutMs() + 999) / 1000);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public int order() {
        return 10;
    }

    @Override
    public boolean critical() {
        return true;
    }

    @Override
    public Outcome run() {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.setQueryTimeout(queryTimeoutSeconds);
            try (ResultSet rows = statement.executeQuery("select 1")) {
                if (rows.next() && rows.getInt(1) == 1) {
                    return Outcome.ok("select 1 answered", Map.of());
                }
                return Outcome.down("select 1 returned no row");
            }
        } catch (SQLException e) {
            return Outcome.down("select 1 failed: " + summary(e));
        }
    }

    private static String summary(SQLException e) {
        String message = String.valueOf(e.getMessage()).strip();
        if (message.length() > LONGEST_MESSAGE) {
            message = message.substring(0, LONGEST_MESSAGE) + "...";
        }
        return e.getSQLState() == null ? message : message + " (SQLState " + e.getSQLState() + ")";
    }
}
