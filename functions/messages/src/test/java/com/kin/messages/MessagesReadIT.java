package com.kin.messages;

import static com.kin.messages.Requests.as;
import static com.kin.messages.Requests.replacing;
import static com.kin.testing.LambdaEvents.withQuery;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.kin.data.SqlMetrics;
import com.kin.testing.LambdaEvents;
import com.kin.testing.SampleUsers;
import com.kin.testing.TestDatabase;
import io.micronaut.json.tree.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The reading routes (conversations, thread, one message) through the real handler and events/, on real Postgres. */
class MessagesReadIT {

    static final UUID C1 = UUID.fromString("10000000-0000-4000-8000-000000000001");
    static final UUID C2 = UUID.fromString("10000000-0000-4000-8000-000000000002");
    static final UUID C3 = UUID.fromString("10000000-0000-4000-8000-000000000003");
    static final UUID M1 = UUID.fromString("20000000-0000-4000-8000-000000000001");
    static final UUID M2 = UUID.fromString("20000000-0000-4000-8000-000000000002");
    static final UUID M3 = UUID.fromString("20000000-0000-4000-8000-000000000003");
    static final UUID M4 = UUID.fromString("20000000-0000-4000-8000-000000000004");
    static final UUID M5 = UUID.fromString("20000000-0000-4000-8000-000000000005");
    static final UUID M6 = UUID.fromString("20000000-0000-4000-8000-000000000006");

    static TestDatabase db;
    static MessagesFunction function;
    static MessageData data;

    @BeforeAll
    static void start() {
        db = TestDatabase.get();
        data = new MessageData(db);
    }

    /** A fresh instance (and cache) per test: the database is reset between tests under the cache's feet. */
    @BeforeEach
    void startFunction() {
        function = MessagesFunction.fresh(db);
    }

    @AfterEach
    void stop() {
        function.close();
    }

    /**
     * Agent 1 (sales) owns C1 and C3 (no messages), agent 2 (support) owns C2. M5 was sent by agent 2 into C1's thread; M6
     * by agent 1 to agent 2's contact C2. M4 came from an unknown number and nobody took it.
     */
    @BeforeEach
    void seed() {
        db.truncateAll();
        SampleUsers.insert(db.dataSource());
        data.contact(C1, SampleUsers.AGENT1, "Wile");
        data.contact(C2, SampleUsers.AGENT2, "Road");
        data.contact(C3, SampleUsers.AGENT1, "Coyote");
        data.message(M5, "outbound", SampleUsers.AGENT2, C1, -60);
        data.message(M6, "outbound", SampleUsers.AGENT1, C2, -30);
        data.message(M1, "inbound", SampleUsers.AGENT1, C1, 0);
        data.message(M2, "outbound", SampleUsers.AGENT1, C1, 5);
        data.message(M3, "inbound", SampleUsers.AGENT2, C2, 10);
        data.message(M4, "inbound", null, null, 15);
    }

    @Test
    void conversations_agentSeesOwnContactsOnly_withLatestMessageAndUnreadCount() {
        APIGatewayV2HTTPResponse response = function.invoke(LambdaEvents.http("messages/conversations.json"));

        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(200);
        JsonNode items = function.body(response).get("items");
        assertThat(items.size()).isEqualTo(1);
        JsonNode conversation = items.get(0);
        assertThat(conversation.get("contact").get("id").getStringValue()).isEqualTo(C1.toString());
        assertThat(conversation.get("contact").get("firstName").getStringValue()).isEqualTo("Wile");
        assertThat(conversation.get("lastMessage").get("id").getStringValue()).isEqualTo(M2.toString());
        assertThat(conversation.get("unreadCount").getIntValue()).isEqualTo(1);
    }

    @Test
    void conversations_managerSeesDepartment_adminSeesAllNewestFirst() {
        assertThat(contactIds(as("manager", LambdaEvents.http("messages/conversations.json")))).containsExactly(C1);
        assertThat(contactIds(as("admin", LambdaEvents.http("messages/conversations.json")))).containsExactly(C2, C1);
    }

    @Test
    void conversations_keysetPagesVisitEveryConversationOnce_newestFirst() {
        for (int i = 0; i < 7; i++) {
            UUID contact = UUID.randomUUID();
            data.contact(contact, SampleUsers.AGENT1, "Extra" + i);
            data.message(UUID.randomUUID(), "inbound", SampleUsers.AGENT1, contact, 100 + i);
        }
        List<String> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            APIGatewayV2HTTPEvent event = withQuery(LambdaEvents.http("messages/conversations.json"),
                    "limit=3" + (cursor == null ? "" : "&cursor=" + cursor));
            JsonNode page = function.body(function.invoke(event));
            page.get("items").values().forEach(item -> seen.add(item.get("lastMessageAt").getStringValue()));
            cursor = Requests.nextCursor(page);
            pages++;
        } while (cursor != null);
        assertThat(seen).hasSize(8).doesNotHaveDuplicates();
        assertThat(seen).isSortedAccordingTo(java.util.Comparator.reverseOrder());
        assertThat(pages).isEqualTo(3);
    }

    @Test
    void conversations_badLimitOrCursor_return400() {
        function.assertProblem(function.invoke(withQuery(LambdaEvents.http("messages/conversations.json"), "limit=0")),
                400, "limit");
        function.assertProblem(function.invoke(withQuery(LambdaEvents.http("messages/conversations.json"), "limit=x")),
                400, "limit");
        function.assertProblem(function.invoke(withQuery(LambdaEvents.http("messages/conversations.json"),
                "cursor=bogus")), 400, "cursor");
    }

    @Test
    void thread_newestFirst_keysetPages() {
        APIGatewayV2HTTPEvent first = withQuery(LambdaEvents.http("messages/thread.json"), "limit=2");
        JsonNode page = function.body(function.invoke(first));
        assertThat(ids(page)).containsExactly(M2, M1);

        APIGatewayV2HTTPEvent second = withQuery(LambdaEvents.http("messages/thread.json"),
                "limit=2&cursor=" + Requests.nextCursor(page));
        JsonNode last = function.body(function.invoke(second));
        assertThat(ids(last)).containsExactly(M5);
        assertThat(Requests.nextCursor(last)).isNull();
    }

    @Test
    void thread_anotherAgentsOrUnknownContact_returns404() {
        function.assertProblem(function.invoke(replacing("messages/thread.json", C1, C2)), 404, null);
        function.assertProblem(function.invoke(replacing("messages/thread.json", C1, UUID.randomUUID())), 404, null);
    }

    @Test
    void thread_visibleContactWithoutMessages_returnsEmptyPage() {
        APIGatewayV2HTTPResponse response = function.invoke(replacing("messages/thread.json", C1, C3));

        assertThat(response.getStatusCode()).isEqualTo(200);
        JsonNode items = function.body(response).get("items");
        assertThat(items.isArray()).as(response.getBody()).isTrue();
        assertThat(items.size()).isZero();
    }

    @Test
    void thread_cursorOfAnotherList_returns400() {
        JsonNode conversations = function.body(function.invoke(
                withQuery(as("admin", LambdaEvents.http("messages/conversations.json")), "limit=1")));

        APIGatewayV2HTTPEvent event = withQuery(LambdaEvents.http("messages/thread.json"),
                "cursor=" + Requests.nextCursor(conversations));
        function.assertProblem(function.invoke(event), 400, "cursor");
    }

    @Test
    void get_returnsMessageWithETag() {
        APIGatewayV2HTTPResponse response = function.invoke(LambdaEvents.http("messages/get.json"));

        assertThat(response.getStatusCode()).isEqualTo(200);
        assertThat(response.getHeaders()).containsEntry("ETag", "\"1\"");
        JsonNode message = function.body(response);
        assertThat(message.get("direction").getStringValue()).isEqualTo("inbound");
        assertThat(message.get("contactId").getStringValue()).isEqualTo(C1.toString());
    }

    @Test
    void get_visibleThroughItsContactOrThroughItsUser() {
        assertThat(function.invoke(replacing("messages/get.json", M1, M5)).getStatusCode()).isEqualTo(200);
        assertThat(function.invoke(replacing("messages/get.json", M1, M6)).getStatusCode()).isEqualTo(200);
        function.assertProblem(function.invoke(replacing("messages/get.json", M1, M3)), 404, null);
    }

    @Test
    void get_messageWithNeitherUserNorContact_onlyAdminSeesIt() {
        function.assertProblem(function.invoke(replacing("messages/get.json", M1, M4)), 404, null);
        function.assertProblem(function.invoke(as("manager", replacing("messages/get.json", M1, M4))), 404, null);
        assertThat(function.invoke(as("admin", replacing("messages/get.json", M1, M4))).getStatusCode()).isEqualTo(200);
    }

    @Test
    void get_malformedId_returns400() {
        function.assertProblem(function.invoke(replacing("messages/get.json", M1, "not-a-uuid")), 400, "id");
    }

    @Test
    void get_withoutClaims_returns401() {
        APIGatewayV2HTTPEvent event = LambdaEvents.http("messages/get.json");
        event.getRequestContext().setAuthorizer(null);

        function.assertProblem(function.invoke(event), 401, null);
    }

    @Test
    void everyRead_runsOneStatement() {
        SqlMetrics metrics = function.bean(SqlMetrics.class);
        for (String file : List.of("messages/conversations.json", "messages/thread.json", "messages/get.json")) {
            long before = metrics.statementCount();

            APIGatewayV2HTTPResponse response = function.invoke(as("manager", LambdaEvents.http(file)));

            assertThat(response.getStatusCode()).as(file).isEqualTo(200);
            assertThat(metrics.statementCount() - before).as(file).isEqualTo(1);
        }
    }

    private static List<UUID> contactIds(APIGatewayV2HTTPEvent event) {
        List<UUID> ids = new ArrayList<>();
        function.body(function.invoke(event)).get("items").values()
                .forEach(item -> ids.add(UUID.fromString(item.get("contact").get("id").getStringValue())));
        return ids;
    }

    private static List<UUID> ids(JsonNode page) {
        List<UUID> ids = new ArrayList<>();
        page.get("items").values().forEach(item -> ids.add(UUID.fromString(item.get("id").getStringValue())));
        return ids;
    }
}
