package com.kin.local.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.kin.local.LogStream;
import com.kin.local.seed.SeedUsers;
import com.kin.local.seed.Seeder;
import com.kin.local.services.LocalPostgres;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code --seed small} against the real migrations of infrastructure/db. */
class SeederIT {

    private static LocalPostgres postgres;
    private static long seeded;

    @BeforeAll
    static void seed() throws Exception {
        postgres = LocalPostgres.start(null, Path.of("target", "kin-state"));
        postgres.migrate();
        seeded = new Seeder(postgres::connect, new LogStream(System.out), Clock.systemUTC()).seedSmall();
    }

    @AfterAll
    static void stop() throws Exception {
        postgres.close();
    }

    @Test
    void smallSeed_writesAFewThousandRows() throws SQLException {
        assertThat(seeded).isBetween(3_000L, 10_000L);
        assertThat(count("select count(*) from contacts")).isEqualTo(4 * 500 + 200);
        assertThat(count("select count(*) from calls")).isEqualTo(1500);
        assertThat(count("select count(*) from messages")).isEqualTo(2000);
        assertThat(count("select count(*) from voicemails")).isPositive();
        assertThat(count("select count(*) from message_templates")).isPositive();
    }

    @Test
    void seededUsers_matchTheTokensUsers() throws SQLException {
        for (var user : SeedUsers.ALL) {
            assertThat(count("select count(*) from users where id = '" + user.id() + "' and email = '" + user.email()
                    + "' and role = '" + user.role() + "' and department is not distinct from "
                    + (user.department() == null ? "null" : "'" + user.department() + "'"))).as(user.email()).isEqualTo(1);
        }
    }

    @Test
    void agentsOwnTheirContacts() throws SQLException {
        String agent = SeedUsers.byEmail("agent1@kin.local").orElseThrow().id().toString();

        assertThat(count("select count(*) from contacts where owner_id = '" + agent + "'")).isEqualTo(500);
    }

    @Test
    void seedingAgain_leavesTheDataAsItIs() throws SQLException {
        long again = new Seeder(postgres::connect, new LogStream(System.out), Clock.systemUTC()).seedSmall();

        assertThat(again).isZero();
        assertThat(count("select count(*) from calls")).isEqualTo(1500);
    }

    private static long count(String sql) throws SQLException {
        try (Connection connection = postgres.connect(); PreparedStatement query = connection.prepareStatement(sql);
             ResultSet rows = query.executeQuery()) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
