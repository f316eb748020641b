package com.kin.bench.scale;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.kin.load.Seeder;
import com.kin.load.copy.ProgressBar;
import com.kin.load.data.Dataset;
import com.kin.load.data.Scale;
import com.kin.testing.TestDatabase;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The tool works: over a 10k seed every route answers an uncached 200 (no timing is asserted: it is a tool). */
class ScaleBenchIT {

    @TempDir
    Path results;

    @Test
    void everyRoute_answers200Uncached_andIsWrittenAsJson() throws SQLException, IOException {
        TestDatabase database = TestDatabase.get();
        database.truncateAll();
        seed10k(database);
        Path out = results.resolve("scale.json");

        List<ScaleResult> measured = ScaleBench.run(ScaleOptions.parse("--jdbc", database.jdbcUrl(),
                "--user", database.user(), "--password", database.password(),
                "--invocations", "3", "--warm-up", "1", "--out", out.toString()));

        assertThat(measured).allSatisfy(result -> {
            assertThat(result.failure()).as(result.route() + " " + result.variant()).isNull();
            assertThat(result.status()).isEqualTo(200);
            assertThat(result.invocations()).isEqualTo(3);
            assertThat(result.p99()).isPositive();
        });
        assertThat(measured.stream().map(ScaleResult::route).collect(Collectors.toSet())).containsExactlyInAnyOrder(
                "GET /api/contacts", "GET /api/search", "GET /api/calls", "GET /api/messages/conversations",
                "GET /api/messages/thread/{contactId}", "GET /api/voicemails", "GET /api/templates", "GET /api/users");
        assertThat(measured).anyMatch(result -> result.variant().endsWith("page 2"));
        JsonNode written = new ObjectMapper().readTree(out.toFile());
        assertThat(written.get("routes")).hasSize(measured.size());
        assertThat(written.get("routes").get(0).get("p99").asDouble()).isPositive();
    }

    private static void seed10k(TestDatabase database) throws SQLException {
        Clock clock = Clock.systemUTC();
        try (Connection connection = database.dataSource().getConnection()) {
            new Seeder(clock, new ProgressBar(new PrintStream(new ByteArrayOutputStream()), false)).seed(connection,
                    new Dataset(Dataset.DEFAULT_SEED, Scale.SMALL, clock.instant().truncatedTo(ChronoUnit.DAYS)));
        }
    }
}
