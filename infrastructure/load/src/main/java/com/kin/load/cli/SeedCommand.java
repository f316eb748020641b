package com.kin.load.cli;

import com.kin.load.SeedResult;
import com.kin.load.Seeder;
import com.kin.load.copy.ProgressBar;
import com.kin.load.data.Dataset;
import com.kin.load.data.Scale;
import com.kin.load.data.SeedUser;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "seed", mixinStandardHelpOptions = true,
        description = "Bulk-load a realistic data set (COPY) into the running platform's database. Idempotent: a"
                + " second run of the same scale does nothing; another scale on a seeded database is refused.")
public final class SeedCommand implements Callable<Integer> {

    @Option(names = "--scale", required = true, converter = ScaleConverter.class,
            description = "10k (10,000 contacts, 30,000 calls and messages, 3,000 voicemails) or 1m (100x that).")
    Scale scale;

    @Option(names = "--jdbc", required = true, paramLabel = "URL",
            description = "The postgres= URL of the \"KIN ready\" line of ./kin run (jdbc:postgresql://127.0.0.1:PORT/kin).")
    String jdbcUrl;

    @Option(names = "--user", defaultValue = "kin_app", description = "Database role (default: ${DEFAULT-VALUE}).")
    String user;

    @Option(names = "--password", defaultValue = "kin_app", description = "Its password (default: ${DEFAULT-VALUE}).")
    String password;

    @Option(names = "--random-seed", defaultValue = "" + Dataset.DEFAULT_SEED,
            description = "Seed of the generator; the same seed gives the same rows (default: ${DEFAULT-VALUE}).")
    long randomSeed;

    @Override
    public Integer call() throws Exception {
        Clock clock = Clock.systemUTC();
        // Whole days, so that two runs on the same day would generate identical rows.
        Instant end = clock.instant().truncatedTo(ChronoUnit.DAYS);
        Dataset dataset = new Dataset(randomSeed, scale, end);
        try (Connection connection = DriverManager.getConnection(jdbcUrl, user, password)) {
            SeedResult result = new Seeder(clock, ProgressBar.onStderr()).seed(connection, dataset);
            System.out.println(result.describe());
        }
        SeedUser example = dataset.users().all().get(2);
        System.out.println("users: seed-user1..seed-user" + Scale.USERS + "@kin.local; a token, e.g. for "
                + example.email() + ": ./kin token --email " + example.email() + " --sub " + example.id()
                + " --role " + example.role() + " --department " + example.department());
        return 0;
    }

    static final class ScaleConverter implements picocli.CommandLine.ITypeConverter<Scale> {
        @Override
        public Scale convert(String value) {
            return Scale.parse(value);
        }
    }
}
