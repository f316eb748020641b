package com.kin.voicemails;

import static com.kin.testing.LambdaEvents.as;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.kin.cache.CacheKey;
import com.kin.cache.CacheKind;
import com.kin.cache.CacheSource;
import com.kin.cache.Cached;
import com.kin.cache.CallTags;
import com.kin.cache.TwoTierCache;
import com.kin.data.SqlMetrics;
import com.kin.testing.LambdaEvents;
import com.kin.testing.SampleUsers;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Voicemails through the two-tier cache on one instance: second reads come from L1, and a committed write is seen at
 * once by every cached read it affects (the record, the lists of whoever could see it before and after) and by no other.
 */
class VoicemailsCacheIT extends VoicemailScenario {

    private static final String BEFORE = "loaded before the write";
    private static final String AFTER = "loaded after the write";
    /** A second sales agent, who shares agent1's unassigned queue. */
    private static final UUID AGENT3 = UUID.fromString("00000000-0000-4000-8000-000000000013");

    @Test
    void get_secondReadIsServedFromL1WithoutAStatement_andAPatchIsSeenAtOnce() {
        SqlMetrics metrics = function.bean(SqlMetrics.class);
        APIGatewayV2HTTPResponse first = function.invoke(LambdaEvents.http("voicemails/get.json"));
        long before = metrics.statementCount();
        APIGatewayV2HTTPResponse second = function.invoke(LambdaEvents.http("voicemails/get.json"));
        long statementsOfHit = metrics.statementCount() - before;
        ok(LambdaEvents.http("voicemails/update.json"));

        APIGatewayV2HTTPResponse afterWrite = function.invoke(LambdaEvents.http("voicemails/get.json"));

        assertThat(first.getHeaders()).containsEntry("x-cache", "miss");
        assertThat(second.getHeaders()).containsEntry("x-cache", "l1").containsEntry("ETag", "\"1\"");
        assertThat(statementsOfHit).isZero();
        assertThat(afterWrite.getHeaders()).containsEntry("x-cache", "miss").containsEntry("ETag", "\"2\"");
        assertThat(function.body(afterWrite).get("read").getBooleanValue()).isTrue();
        assertThat(function.body(afterWrite).get("priority").getStringValue()).isEqualTo("high");
    }

    @Test
    void entriesLoadedByOneInstance_areL2HitsForAnother_withTheSameBodies() {
        APIGatewayV2HTTPResponse detail = function.invoke(LambdaEvents.http("voicemails/get.json"));
        APIGatewayV2HTTPResponse page = function.invoke(LambdaEvents.http("voicemails/list.json"));

        try (VoicemailsFunction other = function.sibling()) {
            APIGatewayV2HTTPResponse otherDetail = other.invoke(LambdaEvents.http("voicemails/get.json"));
            APIGatewayV2HTTPResponse otherPage = other.invoke(LambdaEvents.http("voicemails/list.json"));

            assertThat(otherDetail.getHeaders()).containsEntry("x-cache", "l2").containsEntry("ETag", "\"1\"");
            assertThat(otherDetail.getBody()).isEqualTo(detail.getBody());
            assertThat(otherPage.getHeaders()).containsEntry("x-cache", "l2");
            assertThat(otherPage.getBody()).isEqualTo(page.getBody());
        }
    }

    @Test
    void list_secondReadIsServedFromL1_andAPatchIsSeenAtOnce() {
        function.invoke(LambdaEvents.http("voicemails/list.json"));
        APIGatewayV2HTTPResponse cached = function.invoke(LambdaEvents.http("voicemails/list.json"));
        ok(patch(VM1, "{\"priority\": \"urgent\"}"));

        APIGatewayV2HTTPResponse afterWrite = function.invoke(LambdaEvents.http("voicemails/list.json"));

        assertThat(cached.getHeaders()).containsEntry("x-cache", "l1");
        assertThat(afterWrite.getHeaders()).containsEntry("x-cache", "miss");
        assertThat(function.body(afterWrite).get("items").values()).allMatch(
                item -> item.get("priority").getStringValue().equals("urgent"));
    }

    @Test
    void assignment_movesTheVoicemailBetweenTwoAgentsCachedLists() {
        assertThat(cachedIds(mineOf(SampleUsers.AGENT1, "sales"))).containsExactly(VM1, VM5);
        assertThat(cachedIds(mineOf(SampleUsers.AGENT2, "support"))).containsExactly(VM2, VM6);

        ok(asAdmin(patch(VM1, "{\"assignedToId\": \"" + SampleUsers.AGENT2 + "\"}")));

        assertThat(freshIds(mineOf(SampleUsers.AGENT1, "sales"))).containsExactly(VM5);
        assertThat(freshIds(mineOf(SampleUsers.AGENT2, "support"))).containsExactly(VM2, VM1, VM6);
    }

    @Test
    void unassignedVoicemailTakenByOneAgent_leavesTheOtherAgentsCachedQueueAndDetailAtOnce() {
        insertSalesAgent(AGENT3);
        assertThat(cachedIds(unassignedOf(AGENT3))).containsExactly(VM3);
        APIGatewayV2HTTPEvent detail = as(LambdaEvents.http("voicemails/get.json",
                json -> json.replace(VM1.toString(), VM3.toString())), AGENT3, "agent", "sales");
        function.invoke(detail);
        assertThat(function.invoke(detail).getHeaders()).containsEntry("x-cache", "l1");

        ok(patch(VM3, "{\"assignedToId\": \"" + SampleUsers.AGENT1 + "\"}"));

        assertThat(freshIds(unassignedOf(AGENT3))).isEmpty();
        assertProblem(function.invoke(as(LambdaEvents.http("voicemails/get.json",
                json -> json.replace(VM1.toString(), VM3.toString())), AGENT3, "agent", "sales")), 404);
    }

    @Test
    void bulkAssign_movesVoicemailsBetweenCachedQueues() {
        assertThat(cachedIds(unassignedOf(SampleUsers.AGENT1))).containsExactly(VM3);
        assertThat(cachedIds(mineOf(SampleUsers.AGENT2, "support"))).containsExactly(VM2, VM6);

        ok(asAdmin(bulk("{\"action\": \"assign\", \"assignedToId\": \"" + SampleUsers.AGENT2 + "\", \"ids\": [\"" + VM3
                + "\"]}")));

        assertThat(freshIds(unassignedOf(SampleUsers.AGENT1))).isEmpty();
        assertThat(freshIds(mineOf(SampleUsers.AGENT2, "support"))).containsExactly(VM3, VM2, VM6);
    }

    @Test
    void changeInAnotherDepartmentsQueue_leavesUnrelatedCachedEntriesInPlace() {
        cachedIds(unassignedOf(SampleUsers.AGENT1));
        function.invoke(LambdaEvents.http("voicemails/get.json"));

        ok(asAdmin(bulk("{\"action\": \"markRead\", \"ids\": [\"" + VM4 + "\"]}")));

        assertThat(function.invoke(unassignedOf(SampleUsers.AGENT1)).getHeaders()).containsEntry("x-cache", "l1");
        assertThat(function.invoke(LambdaEvents.http("voicemails/get.json")).getHeaders()).containsEntry("x-cache", "l1");
    }

    @Test
    void bulk_retriedWithTheSameIdempotencyKey_doesTheWorkOnce() {
        SqlMetrics metrics = function.bean(SqlMetrics.class);
        APIGatewayV2HTTPResponse first = function.invoke(withIdempotencyKey(LambdaEvents.http("voicemails/bulk.json")));
        ok(withIfMatch(patch(VM1, "{\"read\": false}"), 2));
        long before = metrics.statementCount();

        APIGatewayV2HTTPResponse retry = function.invoke(withIdempotencyKey(LambdaEvents.http("voicemails/bulk.json")));

        assertThat(first.getStatusCode()).as(first.getBody()).isEqualTo(200);
        assertThat(retry.getStatusCode()).isEqualTo(200);
        assertThat(retry.getBody()).isEqualTo(first.getBody());
        assertThat(retry.getHeaders()).containsEntry("idempotent-replayed", "true");
        assertThat(metrics.statementCount() - before).isZero();
        assertThat(VoicemailData.stored(db.dataSource(), VM1).read()).isFalse();
    }

    /**
     * A voicemail left on a call is embedded in the calls function's cached detail of that call, which is tagged by the
     * call ({@link CallTags#detail}): a triage write reaches it on this instance at once and on another through L2,
     * while another call's detail is still served.
     */
    @Test
    void patchOfAVoicemailLeftOnACall_invalidatesTheCallsCachedDetailEverywhere() {
        UUID call = callWithVoicemail(VM1);
        CacheKey callDetail = callDetailKey(call);
        CacheKey otherCallDetail = callDetailKey(UUID.randomUUID());
        TwoTierCache cache = function.bean(TwoTierCache.class);
        loadTwice(cache, callDetail);
        loadTwice(cache, otherCallDetail);

        ok(patch(VM1, "{\"priority\": \"urgent\"}"));

        try (VoicemailsFunction other = function.sibling()) {
            TwoTierCache otherCache = other.bean(TwoTierCache.class);
            assertThat(read(otherCache, callDetail)).isEqualTo(new Cached<>(AFTER, CacheSource.MISS));
            assertThat(read(otherCache, otherCallDetail)).isEqualTo(new Cached<>(BEFORE, CacheSource.L2));
        }
        assertThat(read(cache, callDetail).value()).isEqualTo(AFTER);
        assertThat(read(cache, otherCallDetail)).isEqualTo(new Cached<>(BEFORE, CacheSource.L1));
    }

    @Test
    void bulkDeleteOfAVoicemailLeftOnACall_invalidatesTheCallsCachedDetail() {
        UUID call = callWithVoicemail(VM1);
        CacheKey callDetail = callDetailKey(call);
        TwoTierCache cache = function.bean(TwoTierCache.class);
        loadTwice(cache, callDetail);

        ok(asAdmin(bulk("{\"action\": \"delete\", \"ids\": [\"" + VM1 + "\"]}")));

        assertThat(read(cache, callDetail)).isEqualTo(new Cached<>(AFTER, CacheSource.MISS));
    }

    private static UUID callWithVoicemail(UUID voicemail) {
        UUID call = UUID.randomUUID();
        try (Connection c = db.dataSource().getConnection();
             PreparedStatement insert = c.prepareStatement("insert into calls (id, direction, status, from_number, "
                     + "to_number, user_id, twilio_call_sid, department) values (?, 'inbound', 'completed', "
                     + "'+14155550101', '+14155550100', ?, ?, 'sales')");
             PreparedStatement link = c.prepareStatement("update voicemails set call_id = ? where id = ?")) {
            insert.setObject(1, call);
            insert.setObject(2, SampleUsers.AGENT1);
            insert.setString(3, "CA" + call.toString().replace("-", ""));
            insert.executeUpdate();
            link.setObject(1, call);
            link.setObject(2, voicemail);
            link.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("test data - cannot leave voicemail " + voicemail + " on a call", e);
        }
        return call;
    }

    /** A key with the tags of the calls function's cached detail of {@code call}. */
    private static CacheKey callDetailKey(UUID call) {
        CacheKey.Builder key = CacheKey.builder(CacheKind.CALL).shared().param("id", call);
        CallTags.detail(call).forEach(key::tag);
        return key.build();
    }

    private static void loadTwice(TwoTierCache cache, CacheKey key) {
        assertThat(cache.get(key, String.class, () -> BEFORE).source()).isEqualTo(CacheSource.MISS);
        assertThat(cache.get(key, String.class, () -> BEFORE).source()).isEqualTo(CacheSource.L1);
    }

    private static Cached<String> read(TwoTierCache cache, CacheKey key) {
        return cache.get(key, String.class, () -> AFTER);
    }

    /** The ids of a list read twice, the second time from L1. */
    private static List<UUID> cachedIds(APIGatewayV2HTTPEvent list) {
        function.invoke(list);
        APIGatewayV2HTTPResponse cached = function.invoke(list);
        assertThat(cached.getHeaders()).containsEntry("x-cache", "l1");
        return ids(function.body(cached).get("items"));
    }

    /** The ids of a list that a write has just invalidated: a miss, so read from the database. */
    private static List<UUID> freshIds(APIGatewayV2HTTPEvent list) {
        APIGatewayV2HTTPResponse response = function.invoke(list);
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(200);
        assertThat(response.getHeaders()).containsEntry("x-cache", "miss");
        return ids(function.body(response).get("items"));
    }

    private static APIGatewayV2HTTPEvent mineOf(UUID agent, String department) {
        return as(list("queue=mine"), agent, "agent", department);
    }

    private static APIGatewayV2HTTPEvent unassignedOf(UUID salesAgent) {
        return as(list("queue=unassigned"), salesAgent, "agent", "sales");
    }

    private static APIGatewayV2HTTPEvent bulk(String body) {
        APIGatewayV2HTTPEvent event = LambdaEvents.http("voicemails/bulk.json");
        event.setBody(body);
        return event;
    }

    private static APIGatewayV2HTTPEvent withIdempotencyKey(APIGatewayV2HTTPEvent event) {
        Map<String, String> headers = new HashMap<>(event.getHeaders());
        headers.put("idempotency-key", "bulk-mark-read-1");
        event.setHeaders(headers);
        return event;
    }

    private static APIGatewayV2HTTPEvent withIfMatch(APIGatewayV2HTTPEvent event, long version) {
        Map<String, String> headers = new HashMap<>(event.getHeaders());
        headers.put("if-match", "\"" + version + "\"");
        event.setHeaders(headers);
        return event;
    }

    private static void insertSalesAgent(UUID id) {
        try (Connection c = db.dataSource().getConnection(); PreparedStatement s = c.prepareStatement(
                "insert into users (id, email, name, role, department, client_identity) "
                        + "values (?, 'agent3@kin.local', 'Carol Agent', 'agent', 'sales', 'agent3')")) {
            s.setObject(1, id);
            s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("test data - cannot insert agent " + id, e);
        }
    }
}
