package com.kin.load;

import com.kin.load.data.Dataset;
import com.kin.load.data.SeedUsers;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;

/**
 * The marker that makes seeding idempotent: one row per database that was seeded, written in the transaction that
 * loads the data, so it exists exactly when the data does. It is created by this tool and not by a migration on
 * purpose: it describes generated test data and has no place in a production schema.
 */
final class SeedRuns {

    private static final String CREATE = """
            create table if not exists seed_runs (
                scale     text        primary key,
                seed      bigint      not null,
                data_end  timestamptz not null,
                seeded_at timestamptz not null
            )""";

    private SeedRuns() {
    }

    /** Creates the marker table if needed and locks it, so two concurrent runs cannot both load. */
    static void lock(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(CREATE);
            statement.execute("lock table seed_runs in exclusive mode");
        }
    }

    static Optional<String> seededScale(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("select scale from seed_runs order by seeded_at limit 1")) {
            return rows.next() ? Optional.of(rows.getString(1)) : Optional.empty();
        }
    }

    /** How many users already carry a seed e-mail: any means the database was seeded some other way. */
    static long seedUsersPresent(Connection connection) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "select count(*) from users where lower(email) like ?")) {
            statement.setString(1, SeedUsers.EMAIL_PATTERN);
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    static void record(Connection connection, Dataset dataset, Instant now) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "insert into seed_runs (scale, seed, data_end, seeded_at) values (?, ?, ?, ?)")) {
            statement.setString(1, dataset.scale().label());
            statement.setLong(2, dataset.seed());
            statement.setTimestamp(3, Timestamp.from(dataset.end()));
            statement.setTimestamp(4, Timestamp.from(now));
            statement.executeUpdate();
        }
    }
}
