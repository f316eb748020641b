package com.kin.local.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.kin.local.LocalPlatform;
import com.kin.local.PlatformOptions;
import com.kin.local.services.LocalPostgres;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * {@code ./kin run --data DIR}: Postgres and DynamoDB live in DIR, so what one run writes the next one finds, and a
 * database that already has users is not seeded again.
 */
class DataDirectoryIT {

    private static final String TABLE = "kin-it-cache";

    @Test
    void dataWrittenInOneRun_isThereInTheNext_andTheSeedIsSkipped() throws Exception {
        Path directory = Files.createTempDirectory("kin-local-data-it");
        Path results = FixtureStack.prepare(directory);
        PlatformOptions options = new PlatformOptions(directory.resolve("template.yaml"), Path.of("target", "kin-state"),
                directory.resolve("data"), 0, PlatformOptions.Seed.SMALL, false, 1, Map.of("ResultDir", results.toString()),
                false, false);

        try {
            runTwice(options);
        } finally {
            deleteTree(directory);
        }
    }

    private static void runTwice(PlatformOptions options) throws Exception {
        long seededContacts;
        try (LocalPlatform first = LocalPlatform.start(options, new CapturedLog(System.out).stream(), Clock.systemUTC())) {
            seededContacts = count(first, "select count(*) from contacts");
            execute(first, "insert into users (id, email, name, role) values"
                    + " ('11111111-0000-4000-8000-000000000001', 'kept@kin.local', 'Kept Between Runs', 'agent')");
            try (DynamoDbClient dynamoDb = dynamoDb(first)) {
                dynamoDb.putItem(r -> r.tableName(TABLE).item(Map.of("pk", AttributeValue.fromS("kept"),
                        "value", AttributeValue.fromS("between runs"))));
            }
        }

        CapturedLog secondLog = new CapturedLog(System.out);
        try (LocalPlatform second = LocalPlatform.start(options, secondLog.stream(), Clock.systemUTC())) {
            assertThat(seededContacts).as("the first run seeded").isPositive();
            assertThat(count(second, "select count(*) from users where email = 'kept@kin.local'")).isEqualTo(1);
            assertThat(count(second, "select count(*) from contacts")).as("not seeded twice").isEqualTo(seededContacts);
            assertThat(secondLog.lines()).anySatisfy(line -> assertThat(line)
                    .contains("seed: the database already has users; demo data left as it is"));
            try (DynamoDbClient dynamoDb = dynamoDb(second)) {
                assertThat(dynamoDb.getItem(r -> r.tableName(TABLE).key(Map.of("pk", AttributeValue.fromS("kept"))))
                        .item()).containsEntry("value", AttributeValue.fromS("between runs"));
            }
        }
    }

    private static void deleteTree(Path directory) throws Exception {
        try (Stream<Path> files = Files.walk(directory)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }

    private static DynamoDbClient dynamoDb(LocalPlatform platform) {
        return DynamoDbClient.builder().endpointOverride(URI.create(platform.services().dynamoDbEndpoint()))
                .region(Region.US_EAST_1).httpClient(UrlConnectionHttpClient.create())
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local"))).build();
    }

    private static Connection connect(LocalPlatform platform) throws Exception {
        return DriverManager.getConnection(platform.services().jdbcUrl(), LocalPostgres.USER, LocalPostgres.PASSWORD);
    }

    private static void execute(LocalPlatform platform, String sql) throws Exception {
        try (Connection connection = connect(platform); PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.executeUpdate();
        }
    }

    private static long count(LocalPlatform platform, String sql) throws Exception {
        try (Connection connection = connect(platform); PreparedStatement query = connection.prepareStatement(sql);
             ResultSet rows = query.executeQuery()) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
