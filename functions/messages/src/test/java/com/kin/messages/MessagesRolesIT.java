package com.kin.messages;

import static com.kin.messages.MessagesReadIT.C1;
import static com.kin.messages.MessagesReadIT.C2;
import static com.kin.messages.MessagesReadIT.M1;
import static com.kin.messages.MessagesReadIT.M2;
import static com.kin.messages.MessagesReadIT.M3;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.kin.testing.LambdaEvents;
import com.kin.testing.SampleCaller;
import com.kin.testing.SampleUsers;
import com.kin.testing.TestDatabase;
import io.micronaut.json.tree.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code PATCH /api/messages/{id}}, {@code POST /api/messages/actions} and {@code GET /api/messages/thread/{contactId}}
 * as each role, through the real handler fed the events/messages samples: agent 1 (sales) owns contact C1 (M1 inbound
 * unread, M2 outbound), agent 2 (support) owns C2 (M3 inbound unread); the sales manager sees C1's thread, the admin
 * both.
 */
class MessagesRolesIT {

    static TestDatabase db;
    static MessageData data;
    MessagesFunction function;

    @BeforeAll
    static void start() {
        db = TestDatabase.get();
        data = new MessageData(db);
    }

    /** A fresh instance (and cache) per test: the database is reset between tests under the cache's feet. */
    @BeforeEach
    void seed() {
        function = MessagesFunction.fresh(db);
        db.truncateAll();
        SampleUsers.insert(db.dataSource());
        data.contact(C1, SampleUsers.AGENT1, "Wile");
        data.contact(C2, SampleUsers.AGENT2, "Road");
        data.message(M1, "inbound", SampleUsers.AGENT1, C1, 0);
        data.message(M2, "outbound", SampleUsers.AGENT1, C1, 5);
        data.message(M3, "inbound", SampleUsers.AGENT2, C2, 10);
    }

    @AfterEach
    void stop() {
        function.close();
    }

    @ParameterizedTest(name = "{0} marks M{1} read: {2}")
    @CsvSource({
        "AGENT1, 1, 200", "AGENT1, 3, 404",
        "AGENT2, 1, 404", "AGENT2, 3, 200",
        "MANAGER, 1, 200", "MANAGER, 3, 404",
        "ADMIN, 1, 200", "ADMIN, 3, 200"})
    void update_asEachRole_changesOnlyWhatItMaySee(SampleCaller caller, int n, int status) {
        UUID id = n == 1 ? M1 : M3;

        APIGatewayV2HTTPResponse response = function.invoke(caller.on(Requests.replacing("messages/update.json", M1, id)));

        if (status == 200) {
            assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(200);
            assertThat(response.getHeaders()).containsEntry("ETag", "\"2\"");
            assertThat(data.value("select read_at is not null from messages where id = ?", id)).isEqualTo(true);
        } else {
            function.assertProblem(response, status, null);
            assertThat(data.value("select version from messages where id = ?", id)).isEqualTo(1L);
        }
    }

    @ParameterizedTest(name = "{0} marks M1 and M3 read: {1}, {2}")
    @CsvSource({
        "AGENT1, done, forbidden",
        "AGENT2, forbidden, done",
        "MANAGER, done, forbidden",
        "ADMIN, done, done"})
    void actions_asEachRole_reportEveryIdAndChangeOnlyWhatItMaySee(SampleCaller caller, String m1, String m3) {
        APIGatewayV2HTTPEvent event = caller.event("messages/actions.json");
        event.setBody("{\"action\": \"markRead\", \"ids\": [\"" + M1 + "\", \"" + M3 + "\"]}");

        APIGatewayV2HTTPResponse response = function.invoke(event);

        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(200);
        assertThat(statuses(function.body(response))).containsExactly(m1, m3);
        assertThat(unreadCount(C1)).isEqualTo(m1.equals("done") ? 0 : 1);
        assertThat(unreadCount(C2)).isEqualTo(m3.equals("done") ? 0 : 1);
    }

    @ParameterizedTest(name = "{0} reads the thread of C{1}: {2}")
    @CsvSource({
        "AGENT1, 1, 200", "AGENT1, 2, 404",
        "AGENT2, 1, 404", "AGENT2, 2, 200",
        "MANAGER, 1, 200", "MANAGER, 2, 404",
        "ADMIN, 1, 200", "ADMIN, 2, 200"})
    void thread_asEachRole_opensOnlyVisibleContacts(SampleCaller caller, int n, int status) {
        UUID contact = n == 1 ? C1 : C2;

        APIGatewayV2HTTPResponse response = function.invoke(caller.on(Requests.replacing("messages/thread.json", C1,
                contact)));

        if (status == 200) {
            assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(200);
            assertThat(ids(function.body(response).get("items"))).containsExactlyElementsOf(n == 1 ? List.of(M2, M1)
                    : List.of(M3));
        } else {
            function.assertProblem(response, status, null);
        }
    }

    private static int unreadCount(UUID contact) {
        return ((Number) data.value("select unread_count from conversations where contact_id = ?", contact)).intValue();
    }

    private static List<String> statuses(JsonNode result) {
        List<String> statuses = new ArrayList<>();
        result.get("results").values().forEach(item -> statuses.add(item.get("status").getStringValue()));
        return statuses;
    }

    private static List<UUID> ids(JsonNode items) {
        List<UUID> ids = new ArrayList<>();
        items.values().forEach(item -> ids.add(UUID.fromString(item.get("id").getStringValue())));
        return ids;
    }
}
