package com.kin.migrate;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.CloudFormationCustomResourceEvent;
import com.kin.observability.testing.CapturedLogs;
import com.kin.testing.LambdaEvents;
import com.kin.testing.TestDatabase;
import com.kin.testing.TestLambdaContext;
import com.sun.net.httpserver.HttpServer;
import io.micronaut.context.ApplicationContext;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The migrate function on a real, empty Postgres database, fed the CloudFormation events of {@code events/migrate/},
 * with a local HTTP server standing in for the pre-signed S3 URL CloudFormation waits on.
 */
class MigrateFunctionIT {

    private static final String APP_ROLE = "kin_app_it";
    private static final String ADMIN_ID = "0b5f2b84-2c9a-4a57-9f4e-6f1d9f0c1a2b";
    private static final String CLOUDFORMATION_REQUEST_ID = "7f8e9d0c-1b2a-4c3d-8e9f-0a1b2c3d4e5f";

    private final TestDatabase db = TestDatabase.get();
    private final List<String> bodies = new CopyOnWriteArrayList<>();
    private final List<String> contentTypes = new CopyOnWriteArrayList<>();
    private HttpServer s3;
    private String database;

    @BeforeEach
    void emptyDatabaseAndResponseUrl() throws IOException, SQLException {
        database = "migrate_" + UUID.randomUUID().toString().replace("-", "");
        execute(db.dataSource().getConnection(), "create database " + database);
        s3 = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        s3.createContext("/", exchange -> {
            bodies.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            contentTypes.add(exchange.getRequestHeaders().getFirst("Content-Type"));
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        s3.start();
    }

    @AfterEach
    void stop() {
        s3.stop(0);
    }

    @Test
    void create_onAnEmptyDatabase_appliesEveryMigration_grantsTheAppRole_andAnswersSuccess() throws Exception {
        JsonNode answer = invoke("create", dbUrl(database));

        assertThat(answer.get("Status").getStringValue()).as(answer.toString()).isEqualTo("SUCCESS");
        assertThat(answer.get("PhysicalResourceId").getStringValue()).isEqualTo("kin-migrations");
        assertThat(answer.get("LogicalResourceId").getStringValue()).isEqualTo("Migrations");
        assertThat(answer.get("RequestId").getStringValue()).isEqualTo("7f8e9d0c-1b2a-4c3d-8e9f-0a1b2c3d4e5f");
        assertThat(Integer.parseInt(answer.get("Data").get("Applied").getStringValue())).isGreaterThanOrEqualTo(13);
        assertThat(query("select has_table_privilege('" + APP_ROLE + "', 'contacts', 'insert')")).isEqualTo("t");
        assertThat(query("select has_table_privilege('" + APP_ROLE + "', 'contacts', 'truncate')")).isEqualTo("f");
        assertThat(contentTypes).containsExactly("");
    }

    @Test
    void create_withTheProxysPassword_letsTheAppRoleLogInWithIt() throws Exception {
        String password = "Proxy" + UUID.randomUUID().toString().replace("-", "");

        JsonNode answer = invoke("create", dbUrl(database), password);

        assertThat(answer.get("Status").getStringValue()).as(answer.toString()).isEqualTo("SUCCESS");
        String url = "jdbc:postgresql://127.0.0.1:" + db.port() + "/" + database;
        try (Connection connection = java.sql.DriverManager.getConnection(url, APP_ROLE, password)) {
            assertThat(connection.isValid(2)).isTrue();
        }
    }

    @Test
    void update_onAMigratedDatabase_appliesNothing_andAnswersSuccess() throws Exception {
        invoke("create", dbUrl(database));

        JsonNode answer = invoke("update", dbUrl(database));

        assertThat(answer.get("Status").getStringValue()).isEqualTo("SUCCESS");
        assertThat(answer.get("Data").get("Applied").getStringValue()).isEqualTo("0");
        assertThat(answer.get("PhysicalResourceId").getStringValue()).isEqualTo("kin-migrations");
    }

    @Test
    void create_whenTheDatabaseIsMissing_answersFailedWithTheCause() throws Exception {
        JsonNode answer = invoke("create", dbUrl("no_such_database"));

        assertThat(answer.get("Status").getStringValue()).isEqualTo("FAILED");
        assertThat(answer.get("Reason").getStringValue()).startsWith("migrations failed:").contains("no_such_database");
    }

    @Test
    void create_withAFirstAdmin_writesTheAdminRow_andRestoresItWhenDemoted() throws Exception {
        Map<String, Object> admin = Map.of("migrate.admin-email", "Root@Example.org", "migrate.admin-id", ADMIN_ID);

        JsonNode answer = invoke("create", dbUrl(database), "", admin, new TestLambdaContext("migrate"));

        assertThat(answer.get("Status").getStringValue()).as(answer.toString()).isEqualTo("SUCCESS");
        assertThat(query("select email || ' ' || name || ' ' || role || ' ' || active from users where id = '"
                + ADMIN_ID + "'")).isEqualTo("root@example.org root admin true");
        execute(connection(), "update users set role = 'agent', active = false where id = '" + ADMIN_ID + "'");

        invoke("update", dbUrl(database), "", admin, new TestLambdaContext("migrate"));

        assertThat(query("select role || ' ' || active || ' ' || version from users where id = '" + ADMIN_ID + "'"))
                .isEqualTo("admin true 2");
        assertThat(query("select count(*) from users")).isEqualTo("1");
    }

    @Test
    void firstAdminWhoseEmailBelongsToAnotherUser_answersFailedNamingTheVariables() throws Exception {
        invoke("create", dbUrl(database));
        execute(connection(), "insert into users (email, name, role) values ('root@example.org', 'Root', 'agent')");

        JsonNode answer = invoke("update", dbUrl(database), "",
                Map.of("migrate.admin-email", "root@example.org", "migrate.admin-id", ADMIN_ID),
                new TestLambdaContext("migrate"));

        assertThat(answer.get("Status").getStringValue()).isEqualTo("FAILED");
        assertThat(answer.get("Reason").getStringValue()).contains("MIGRATE_ADMIN_EMAIL belongs to another user");
    }

    @Test
    void everyLogLine_carriesTheLambdaFields_coldStart_andTheCloudFormationRequestAsCorrelationId() throws Exception {
        TestLambdaContext lambda = new TestLambdaContext("kin-dev-migrate");
        try (CapturedLogs logs = CapturedLogs.start()) {
            invoke("create", dbUrl(database), "", Map.of(), lambda);

            var lines = logs.lines().stream()
                    // from begin() to end(): the lines of the invocation (closing the context afterwards is not)
                    .filter(line -> line.path("request_id").asText().equals(lambda.getAwsRequestId()))
                    .toList();
            assertThat(lines).as(logs.raw()).hasSizeGreaterThanOrEqualTo(2)
                    .anySatisfy(line -> assertThat(line.path("message").asText()).startsWith("migrate - Create"))
                    // Flyway's own line, written on the thread the migrations run on
                    .anySatisfy(line -> assertThat(line.path("message").asText()).startsWith("Successfully applied"))
                    .allSatisfy(line -> {
                        assertThat(line.path("function_name").asText()).isEqualTo("kin-dev-migrate");
                        assertThat(line.path("function_request_id").asText()).isEqualTo(lambda.getAwsRequestId());
                        assertThat(line.path("cold_start").asText()).isEqualTo("true");
                        assertThat(line.path("correlation_id").asText()).isEqualTo(CLOUDFORMATION_REQUEST_ID);
                    });
        }
    }

    @Test
    void delete_answersSuccess_withoutTouchingTheDatabase() throws Exception {
        JsonNode answer = invoke("delete", dbUrl("no_such_database"));

        assertThat(answer.get("Status").getStringValue()).isEqualTo("SUCCESS");
        assertThat(query("select count(*) from pg_tables where schemaname = 'public'")).isEqualTo("0");
    }

    private JsonNode invoke(String eventName, String url) throws IOException {
        return invoke(eventName, url, "");
    }

    private JsonNode invoke(String eventName, String url, String appPassword) throws IOException {
        return invoke(eventName, url, appPassword, Map.of(), new TestLambdaContext("migrate"));
    }

    private JsonNode invoke(String eventName, String url, String appPassword, Map<String, Object> extraSettings,
                            TestLambdaContext lambda) throws IOException {
        String responseUrl = "http://127.0.0.1:" + s3.getAddress().getPort() + "/stack-response?X-Amz-Signature=abc";
        CloudFormationCustomResourceEvent event = LambdaEvents.parse(LambdaEvents.json("migrate/" + eventName + ".json")
                .replaceFirst("\"ResponseURL\": \"[^\"]*\"", "\"ResponseURL\": \"" + responseUrl + "\""),
                CloudFormationCustomResourceEvent.class);
        Map<String, Object> settings = new HashMap<>(Map.of("db.url", url, "db.user", db.user(),
                "db.password", db.password(), "migrate.app-user", APP_ROLE, "migrate.app-password", appPassword));
        settings.putAll(extraSettings);
        try (ApplicationContext context = ApplicationContext.run(settings);
             MigrateHandler handler = new MigrateHandler(context)) {
            handler.handleRequest(event, lambda);
            JsonMapper json = context.getBean(JsonMapper.class);
            return json.readValue(bodies.get(bodies.size() - 1), JsonNode.class);
        }
    }

    private String dbUrl(String name) {
        return "jdbc:aws-wrapper:postgresql://127.0.0.1:" + db.port() + "/" + name;
    }

    private String query(String sql) throws SQLException {
        String url = "jdbc:postgresql://127.0.0.1:" + db.port() + "/" + database;
        try (Connection connection = java.sql.DriverManager.getConnection(url, db.user(), db.password());
             Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getString(1);
        }
    }

    private Connection connection() throws SQLException {
        String url = "jdbc:postgresql://127.0.0.1:" + db.port() + "/" + database;
        return java.sql.DriverManager.getConnection(url, db.user(), db.password());
    }

    private static void execute(Connection connection, String sql) throws SQLException {
        try (connection; Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
