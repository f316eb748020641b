package com.kin.migrate;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.CloudFormationCustomResourceEvent;
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
    void delete_answersSuccess_withoutTouchingTheDatabase() throws Exception {
        JsonNode answer = invoke("delete", dbUrl("no_such_database"));

        assertThat(answer.get("Status").getStringValue()).isEqualTo("SUCCESS");
        assertThat(query("select count(*) from pg_tables where schemaname = 'public'")).isEqualTo("0");
    }

    private JsonNode invoke(String eventName, String url) throws IOException {
        return invoke(eventName, url, "");
    }

    private JsonNode invoke(String eventName, String url, String appPassword) throws IOException {
        String responseUrl = "http://127.0.0.1:" + s3.getAddress().getPort() + "/stack-response?X-Amz-Signature=abc";
        CloudFormationCustomResourceEvent event = LambdaEvents.parse(LambdaEvents.json("migrate/" + eventName + ".json")
                .replaceFirst("\"ResponseURL\": \"[^\"]*\"", "\"ResponseURL\": \"" + responseUrl + "\""),
                CloudFormationCustomResourceEvent.class);
        Map<String, Object> settings = new HashMap<>(Map.of("db.url", url, "db.user", db.user(),
                "db.password", db.password(), "migrate.app-user", APP_ROLE, "migrate.app-password", appPassword));
        try (ApplicationContext context = ApplicationContext.run(settings);
             MigrateHandler handler = new MigrateHandler(context)) {
            handler.handleRequest(event, new TestLambdaContext("migrate"));
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

    private static void execute(Connection connection, String sql) throws SQLException {
        try (connection; Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
