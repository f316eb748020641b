package com.kin.messages;

import static com.kin.messages.MessagesReadIT.C1;
import static com.kin.messages.MessagesReadIT.C2;
import static com.kin.messages.MessagesReadIT.M1;
import static com.kin.messages.MessagesReadIT.M2;
import static com.kin.messages.MessagesReadIT.M3;
import static com.kin.messages.Requests.as;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.kin.cache.CacheTags;
import com.kin.cache.MessageTags;
import com.kin.cache.TwoTierCache;
import com.kin.data.Database;
import com.kin.data.messages.MessagePlacements;
import com.kin.testing.LambdaEvents;
import com.kin.testing.LocalDynamoDb;
import com.kin.testing.SampleUsers;
import com.kin.testing.TestDatabase;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The message reads through the two-tier cache: a repeated read is an L1 hit, a read after a write sees the write (a miss),
 * whoever's cache entry the write touched, and an entry one instance loaded is an L2 hit for another.
 */
class MessagesCacheIT {

    static TestDatabase db;
    static MessageData data;
    MessagesFunction function;
    MessagesFunction other;

    @BeforeAll
    static void start() {
        db = TestDatabase.get();
        data = new MessageData(db);
    }

    /** Two instances on one pair of tables; agent 1 owns C1 (unread M1, then M2), agent 2 owns C2 (unread M3). */
    @BeforeEach
    void seed() {
        LocalDynamoDb dynamo = LocalDynamoDb.instance();
        String cacheTable = LocalDynamoDb.uniqueTableName("messages-cache");
        String idempotencyTable = LocalDynamoDb.uniqueTableName("messages-idem");
        dynamo.createCacheTable(cacheTable);
        dynamo.createCacheTable(idempotencyTable);
        function = new MessagesFunction(db, dynamo, cacheTable, idempotencyTable);
        other = new MessagesFunction(db, dynamo, cacheTable, idempotencyTable);
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
        other.close();
    }

    @Test
    void get_secondReadIsAnL1Hit_andAReadAfterAWriteSeesIt() {
        APIGatewayV2HTTPResponse first = function.invoke(LambdaEvents.http("messages/get.json"));
        APIGatewayV2HTTPResponse second = function.invoke(LambdaEvents.http("messages/get.json"));
        function.invoke(LambdaEvents.http("messages/update.json"));
        APIGatewayV2HTTPResponse afterWrite = function.invoke(LambdaEvents.http("messages/get.json"));

        assertThat(first.getHeaders()).containsEntry("x-cache", "miss");
        assertThat(second.getHeaders()).containsEntry("x-cache", "l1").containsEntry("ETag", "\"1\"");
        assertThat(afterWrite.getHeaders()).containsEntry("x-cache", "miss").containsEntry("ETag", "\"2\"");
        assertThat(function.body(afterWrite).get("readAt").isNull()).isFalse();
    }

    @Test
    void conversations_secondReadIsAnL1Hit_andABulkActionIsSeenAtOnce() {
        function.invoke(LambdaEvents.http("messages/conversations.json"));
        APIGatewayV2HTTPResponse cached = function.invoke(LambdaEvents.http("messages/conversations.json"));
        function.invoke(LambdaEvents.http("messages/actions.json"));

        APIGatewayV2HTTPResponse after = function.invoke(LambdaEvents.http("messages/conversations.json"));

        assertThat(cached.getHeaders()).containsEntry("x-cache", "l1");
        assertThat(after.getHeaders()).containsEntry("x-cache", "miss");
        assertThat(function.body(after).get("items").get(0).get("unreadCount").getIntValue()).isZero();
    }

    @Test
    void anAgentsWrite_invalidatesTheConversationsOfTheManagerWhoSeesIt_notThoseOfAnotherAgent() {
        function.invoke(as("manager", LambdaEvents.http("messages/conversations.json")));
        function.invoke(as("agent2", LambdaEvents.http("messages/conversations.json")));

        function.invoke(LambdaEvents.http("messages/update.json"));

        assertThat(function.invoke(as("manager", LambdaEvents.http("messages/conversations.json"))).getHeaders())
                .containsEntry("x-cache", "miss");
        assertThat(function.invoke(as("agent2", LambdaEvents.http("messages/conversations.json"))).getHeaders())
                .containsEntry("x-cache", "l1");
    }

    @Test
    void thread_secondReadIsAnL1Hit_andADeleteIsSeenAtOnce() {
        function.invoke(LambdaEvents.http("messages/thread.json"));
        APIGatewayV2HTTPResponse cached = function.invoke(LambdaEvents.http("messages/thread.json"));
        var delete = LambdaEvents.http("messages/actions.json");
        delete.setBody("{\"action\": \"delete\", \"ids\": [\"" + M2 + "\"]}");
        function.invoke(delete);

        APIGatewayV2HTTPResponse after = function.invoke(LambdaEvents.http("messages/thread.json"));

        assertThat(cached.getHeaders()).containsEntry("x-cache", "l1");
        assertThat(after.getHeaders()).containsEntry("x-cache", "miss");
        assertThat(function.body(after).get("items").size()).isEqualTo(1);
    }

    /** What the messaging webhooks do after a status callback: the placement by SID, then MessageTags.changed. */
    @Test
    void aWebhookWriteInvalidatingMessageTags_isSeenByTheThreadAndTheMessage() {
        data.execute("update messages set twilio_message_sid = 'SMfeed' where id = ?", M2);
        function.invoke(LambdaEvents.http("messages/thread.json"));
        function.invoke(Requests.replacing("messages/get.json", M1, M2));

        data.execute("update messages set status = 'read' where twilio_message_sid = 'SMfeed'");
        var placement = function.bean(MessagePlacements.class).bySid(function.bean(Database.class), "SMfeed").orElseThrow();
        function.bean(TwoTierCache.class).invalidate(MessageTags.changed(placement));

        APIGatewayV2HTTPResponse thread = function.invoke(LambdaEvents.http("messages/thread.json"));
        APIGatewayV2HTTPResponse message = function.invoke(Requests.replacing("messages/get.json", M1, M2));
        assertThat(thread.getHeaders()).containsEntry("x-cache", "miss");
        assertThat(function.body(thread).get("items").get(0).get("status").getStringValue()).isEqualTo("read");
        assertThat(message.getHeaders()).containsEntry("x-cache", "miss");
    }

    /** A contact write made by the contacts function (its own tags) reaches the conversation list that embeds it. */
    @Test
    void aContactWriteByTheContactsFunction_isSeenByTheConversations() {
        function.invoke(LambdaEvents.http("messages/conversations.json"));

        data.execute("update contacts set first_name = 'Coyote' where id = ?", C1);
        function.bean(TwoTierCache.class).invalidate(List.copyOf(
                CacheTags.listsShowing(MessageTags.CONTACTS, SampleUsers.AGENT1, "sales")));

        APIGatewayV2HTTPResponse after = function.invoke(LambdaEvents.http("messages/conversations.json"));
        assertThat(after.getHeaders()).containsEntry("x-cache", "miss");
        assertThat(function.body(after).get("items").get(0).get("contact").get("firstName").getStringValue())
                .isEqualTo("Coyote");
    }

    @Test
    void anEntryLoadedByOneInstance_isAnL2HitForAnother_withTheSameBody() {
        for (String file : List.of("messages/conversations.json", "messages/thread.json", "messages/get.json")) {
            APIGatewayV2HTTPResponse loaded = function.invoke(LambdaEvents.http(file));

            APIGatewayV2HTTPResponse fromOther = other.invoke(LambdaEvents.http(file));

            assertThat(fromOther.getHeaders()).as(file).containsEntry("x-cache", "l2");
            assertThat(fromOther.getBody()).as(file).isEqualTo(loaded.getBody());
        }
    }
}
