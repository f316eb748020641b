package com.kin.contacts;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.kin.testing.HeldLock;
import com.kin.testing.LambdaEvents;
import com.kin.testing.SampleUsers;
import com.kin.testing.TestDatabase;
import io.micronaut.json.tree.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The database failing under the real handler: unreachable (nothing listens on DB_URL's port) and a statement that
 * outlives DB_STATEMENT_TIMEOUT_MS (it waits on a row lock another transaction holds). Both are a 503 problem with the
 * request id, and neither leaks SQL, driver messages, hosts or class names.
 */
class ContactsDatabaseFailureIT {

    TestDatabase db;
    ContactRows rows;

    @BeforeEach
    void data() {
        db = TestDatabase.get();
        db.truncateAll();
        SampleUsers.insert(db.dataSource());
        rows = new ContactRows(db);
        rows.insert(ContactsHandlerIT.C1, SampleUsers.AGENT1, "Wile", "vip");
    }

    @Test
    void unreachableDatabase_returns503ProblemWithoutInternals() {
        int closedPort = closedPort();
        try (ContactsFunction function = ContactsFunction.withSettings(Map.of(
                "db.url", "jdbc:aws-wrapper:postgresql://127.0.0.1:" + closedPort + "/postgres",
                "db.connect-timeout-ms", "250"))) {

            APIGatewayV2HTTPResponse read = function.invoke(LambdaEvents.http("contacts/get.json"));
            APIGatewayV2HTTPResponse write = function.invoke(ContactEvents.create("{\"firstName\": \"Ada\"}"));

            assertUnavailable(function, read, "req-contacts-get", String.valueOf(closedPort));
            assertUnavailable(function, write, "req-contacts-create", String.valueOf(closedPort));
        }
        assertThat(rows.count()).isEqualTo(1);
    }

    @Test
    void statementOutlivingTheTimeout_isCancelled_returns503AndChangesNothing() {
        try (ContactsFunction function = ContactsFunction.withSettings(Map.of("db.statement-timeout-ms", "1000"));
             HeldLock lock = HeldLock.take(db.dataSource(), "select id from contacts where id = ? for update",
                     ContactsHandlerIT.C1)) {

            APIGatewayV2HTTPResponse response = function.invoke(
                    ContactEvents.update(ContactsHandlerIT.C1, "{\"organization\": \"Changed\"}"));

            JsonNode problem = assertUnavailable(function, response, "req-contacts-update", "canceling");
            assertThat(problem.get("detail").getStringValue()).contains("timed out");
        }
        assertThat(rows.version(ContactsHandlerIT.C1)).isEqualTo(1);
    }

    private static JsonNode assertUnavailable(ContactsFunction function, APIGatewayV2HTTPResponse response,
                                              String requestId, String internal) {
        JsonNode problem = function.assertProblem(response, 503, null);
        assertThat(problem.get("type").getStringValue()).endsWith("/database-unavailable");
        assertThat(problem.get("requestId").getStringValue()).isEqualTo(requestId);
        assertThat(response.getBody()).doesNotContainIgnoringCase("jdbc").doesNotContainIgnoringCase("postgres")
                .doesNotContainIgnoringCase("hikari").doesNotContain("SQLState").doesNotContain("127.0.0.1")
                .doesNotContain("update contacts").doesNotContain("\tat ").doesNotContain(internal);
        return problem;
    }

    private static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
