package com.kin.calls;

import static com.kin.testing.LambdaEvents.as;
import static com.kin.testing.LambdaEvents.withQuery;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.kin.cache.CacheTags;
import com.kin.cache.CallTags;
import com.kin.cache.MessageTags;
import com.kin.cache.TwoTierCache;
import com.kin.core.domain.CallDirection;
import com.kin.core.domain.CallStatus;
import com.kin.data.Database;
import com.kin.data.calls.CallPlacements;
import com.kin.data.calls.CallStatusEvent;
import com.kin.data.calls.CallWebhookRepository;
import com.kin.testing.LambdaEvents;
import com.kin.testing.LocalDynamoDb;
import com.kin.testing.SampleUsers;
import com.kin.testing.TestDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The call reads through the two-tier cache: a repeated read is an L1 hit; a write made elsewhere (voice webhooks,
 * voicemail writers, the contacts function) that invalidates the tags {@link CallTags} names is seen at once; an entry one
 * instance loaded is an L2 hit for another.
 */
class CallsCacheIT {

    static final UUID CALL1 = CallsHandlerIT.CALL1;
    static final UUID VM1 = CallsHandlerIT.VM1;
    static final Instant AT = Instant.parse("2026-11-20T10:00:00Z");

    static TestDatabase db;
    CallsFunction function;
    CallsFunction other;

    @BeforeAll
    static void start() {
        db = TestDatabase.get();
    }

    /** Agent 1 (sales) took CALL1, which has a voicemail; two instances share one pair of tables. */
    @BeforeEach
    void seed() {
        LocalDynamoDb dynamo = LocalDynamoDb.instance();
        String cacheTable = LocalDynamoDb.uniqueTableName("calls-cache");
        String idempotencyTable = LocalDynamoDb.uniqueTableName("calls-idem");
        dynamo.createCacheTable(cacheTable);
        dynamo.createCacheTable(idempotencyTable);
        function = new CallsFunction(db, dynamo, cacheTable, idempotencyTable);
        other = new CallsFunction(db, dynamo, cacheTable, idempotencyTable);
        db.truncateAll();
        DataSource ds = db.dataSource();
        SampleUsers.insert(ds);
        CallData.call(ds, CALL1, SampleUsers.AGENT1, "inbound", "in-progress", "+14155550101", "+14155550100", "sales",
                AT, null);
        CallData.voicemail(ds, VM1, CALL1, SampleUsers.AGENT1, "sales", AT);
    }

    @AfterEach
    void stop() {
        function.close();
        other.close();
    }

    @Test
    void detailAndHistory_secondReadsAreL1Hits() {
        for (String file : List.of("calls/get.json", "calls/list.json")) {
            assertThat(function.invoke(LambdaEvents.http(file)).getHeaders()).as(file).containsEntry("x-cache", "miss");
            assertThat(function.invoke(LambdaEvents.http(file)).getHeaders()).as(file).containsEntry("x-cache", "l1");
        }
    }

    /** What the voice webhooks do after a status callback: the placement by CallSid, then CallTags.changed. */
    @Test
    void aStatusCallbackInvalidatingCallTags_isSeenByTheDetailAndTheHistoriesThatShowTheCall() {
        APIGatewayV2HTTPEvent managerList = as(LambdaEvents.http("calls/list.json"), SampleUsers.MANAGER, "manager", "sales");
        function.invoke(LambdaEvents.http("calls/get.json"));
        function.invoke(LambdaEvents.http("calls/list.json"));
        function.invoke(managerList);
        String sid = "CA" + CALL1.toString().replace("-", "");

        Database database = function.bean(Database.class);
        function.bean(CallWebhookRepository.class).applyStatus(database, new CallStatusEvent(sid, CallStatus.COMPLETED, 5,
                CallDirection.INBOUND, "+14155550101", "+14155550100", AT.plusSeconds(60), 60), AT.plusSeconds(60));
        function.bean(TwoTierCache.class).invalidate(CallTags.changed(
                function.bean(CallPlacements.class).bySid(database, sid).orElseThrow()));

        APIGatewayV2HTTPResponse detail = function.invoke(LambdaEvents.http("calls/get.json"));
        APIGatewayV2HTTPResponse agentList = function.invoke(LambdaEvents.http("calls/list.json"));
        APIGatewayV2HTTPResponse managerAfter = function.invoke(
                as(LambdaEvents.http("calls/list.json"), SampleUsers.MANAGER, "manager", "sales"));
        assertThat(detail.getHeaders()).containsEntry("x-cache", "miss").containsEntry("ETag", "\"2\"");
        assertThat(function.body(detail).get("call").get("status").getStringValue()).isEqualTo("completed");
        assertThat(agentList.getHeaders()).containsEntry("x-cache", "miss");
        assertThat(managerAfter.getHeaders()).containsEntry("x-cache", "miss");
    }

    /** A voicemail writer invalidates CallTags.voicemailChanged: the call's detail, which embeds it, is read again. */
    @Test
    void aVoicemailWrite_isSeenByTheDetailOfItsCall() {
        function.invoke(LambdaEvents.http("calls/get.json"));

        execute("update voicemails set transcription = 'Never mind, sorted.' where id = ?", VM1);
        function.bean(TwoTierCache.class).invalidate(CallTags.voicemailChanged(VM1, CALL1));

        APIGatewayV2HTTPResponse after = function.invoke(LambdaEvents.http("calls/get.json"));
        assertThat(after.getHeaders()).containsEntry("x-cache", "miss");
        assertThat(function.body(after).get("voicemail").get("transcription").getStringValue())
                .isEqualTo("Never mind, sorted.");
    }

    /** Deleting a contact unlinks its calls; the contacts function's record tag reaches histories filtered by it. */
    @Test
    void aContactDeletion_isSeenByTheHistoryFilteredByThatContact() {
        UUID contact = com.kin.testing.Fixtures.contact(db.dataSource(), SampleUsers.AGENT1);
        execute("update calls set contact_id = ? where id = ?", contact, CALL1);
        APIGatewayV2HTTPEvent byContact = withQuery(LambdaEvents.http("calls/list.json"), "contactId=" + contact);
        assertThat(function.body(function.invoke(byContact)).get("items").size()).isEqualTo(1);

        execute("delete from contacts where id = ?", contact);
        function.bean(TwoTierCache.class).invalidate(CacheTags.record(MessageTags.CONTACTS, contact));

        APIGatewayV2HTTPResponse after = function.invoke(
                withQuery(LambdaEvents.http("calls/list.json"), "contactId=" + contact));
        assertThat(after.getHeaders()).containsEntry("x-cache", "miss");
        assertThat(function.body(after).get("items").size()).isZero();
    }

    @Test
    void anEntryLoadedByOneInstance_isAnL2HitForAnother_withTheSameBody() {
        for (String file : List.of("calls/get.json", "calls/list.json")) {
            APIGatewayV2HTTPResponse loaded = function.invoke(LambdaEvents.http(file));

            APIGatewayV2HTTPResponse fromOther = other.invoke(LambdaEvents.http(file));

            assertThat(fromOther.getHeaders()).as(file).containsEntry("x-cache", "l2");
            assertThat(fromOther.getBody()).as(file).isEqualTo(loaded.getBody());
        }
    }

    /** The shared detail entry is checked against each caller: another agent gets 404 from a cached entry. */
    @Test
    void aCachedDetail_isStillHiddenFromACallerWhoMayNotSeeIt() {
        function.invoke(LambdaEvents.http("calls/get.json"));

        APIGatewayV2HTTPResponse asAgent2 = function.invoke(
                as(LambdaEvents.http("calls/get.json"), SampleUsers.AGENT2, "agent", "support"));

        assertThat(asAgent2.getStatusCode()).isEqualTo(404);
    }

    private static void execute(String sql, Object... params) {
        try (Connection c = db.dataSource().getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                s.setObject(i + 1, params[i]);
            }
            s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("test data - failed to run: " + sql, e);
        }
    }
}
