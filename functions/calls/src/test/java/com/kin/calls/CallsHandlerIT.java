package com.kin.calls;

import static com.kin.testing.LambdaEvents.as;
import static com.kin.testing.LambdaEvents.withQuery;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.kin.data.SqlMetrics;
import com.kin.testing.LambdaEvents;
import com.kin.testing.SampleUsers;
import com.kin.testing.TestDatabase;
import io.micronaut.json.tree.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every calls route through the real handler, fed the real events/ samples, against real Postgres. */
class CallsHandlerIT {

    /** Agent1 (sales) took this inbound call; it has a recording and a voicemail assigned to agent1. */
    static final UUID CALL1 = UUID.fromString("20000000-0000-4000-8000-000000000001");
    /** Agent2 (support) placed this outbound call. */
    static final UUID CALL2 = UUID.fromString("20000000-0000-4000-8000-000000000002");
    /** Nobody answered this inbound call routed to sales; its voicemail waits unassigned in the sales queue. */
    static final UUID CALL3 = UUID.fromString("20000000-0000-4000-8000-000000000003");
    /** Agent2 (support) answered this call routed to sales; its voicemail belongs to agent2 in support. */
    static final UUID CALL4 = UUID.fromString("20000000-0000-4000-8000-000000000004");
    static final UUID VM1 = UUID.fromString("21000000-0000-4000-8000-000000000001");
    static final UUID VM3 = UUID.fromString("21000000-0000-4000-8000-000000000003");
    static final UUID VM4 = UUID.fromString("21000000-0000-4000-8000-000000000004");
    static final Instant DAY = Instant.parse("2026-11-20T00:00:00Z");

    static TestDatabase db;
    static CallsFunction function;

    @BeforeAll
    static void start() {
        db = TestDatabase.get();
    }

    @AfterEach
    void stop() {
        function.close();
    }

    /** A fresh instance (and cache) per test: the database is reset between tests under the cache's feet. */
    @BeforeEach
    void data() {
        function = CallsFunction.fresh(db);
        db.truncateAll();
        DataSource ds = db.dataSource();
        SampleUsers.insert(ds);
        CallData.call(ds, CALL1, SampleUsers.AGENT1, "inbound", "completed", "+14155550101", "+14155550100", "sales",
                at(10), "RE1");
        CallData.call(ds, CALL2, SampleUsers.AGENT2, "outbound", "completed", "+14155550200", "+14155550199", "support",
                at(11), null);
        CallData.call(ds, CALL3, null, "inbound", "no-answer", "+14155550102", "+14155550100", "sales", at(12), null);
        CallData.call(ds, CALL4, SampleUsers.AGENT2, "inbound", "completed", "+14155550103", "+14155550100", "sales",
                at(9), null);
        CallData.voicemail(ds, VM1, CALL1, SampleUsers.AGENT1, "sales", at(10));
        CallData.voicemail(ds, VM3, CALL3, null, "sales", at(12));
        CallData.voicemail(ds, VM4, CALL4, SampleUsers.AGENT2, "support", at(9));
    }

    @Test
    void list_agentSeesOnlyOwnCalls_withPlayableRecordingLinks() {
        APIGatewayV2HTTPResponse response = function.invoke(LambdaEvents.http("calls/list.json"));

        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(200);
        JsonNode items = function.body(response).get("items");
        assertThat(ids(items)).containsExactly(CALL1);
        assertThat(items.get(0).get("recordingUrl").getStringValue()).isEqualTo(CallData.RECORDINGS + "RE1.mp3");
        assertThat(items.get(0).get("direction").getStringValue()).isEqualTo("inbound");
    }

    @Test
    void list_managerSeesDepartmentOfRecord_includingUnansweredAndOtherDepartmentsAgents() {
        APIGatewayV2HTTPEvent event = as(LambdaEvents.http("calls/list.json"), SampleUsers.MANAGER, "manager", "sales");

        assertThat(ids(items(event))).containsExactly(CALL3, CALL1, CALL4);
    }

    @Test
    void list_adminSeesEveryCall_newestFirst() {
        assertThat(ids(items(asAdmin("")))).containsExactly(CALL3, CALL2, CALL1, CALL4);
    }

    @Test
    void list_agentOfAnotherDepartment_neverSeesUnansweredCalls() {
        APIGatewayV2HTTPEvent event = as(LambdaEvents.http("calls/list.json"), SampleUsers.AGENT2, "agent", "support");

        assertThat(ids(items(event))).containsExactly(CALL2, CALL4);
    }

    @Test
    void list_filtersNarrowTheHistory() {
        assertThat(ids(items(asAdmin("direction=outbound")))).containsExactly(CALL2);
        assertThat(ids(items(asAdmin("status=no-answer")))).containsExactly(CALL3);
        assertThat(ids(items(asAdmin("userId=" + SampleUsers.AGENT2)))).containsExactly(CALL2, CALL4);
        assertThat(ids(items(asAdmin("from=2026-11-20T10:00:00Z&to=2026-11-20T12:00:00Z")))).containsExactly(CALL2, CALL1);
    }

    @Test
    void list_phoneInAnyNotation_matchesCallerOrCallee() {
        assertThat(ids(items(asAdmin("phone=(415)%20555-0199")))).containsExactly(CALL2);
        assertThat(ids(items(asAdmin("phone=%2B1%20415%20555%200101")))).containsExactly(CALL1);
        assertThat(ids(items(asAdmin("phone=415.555.0100")))).containsExactly(CALL3, CALL1, CALL4);
    }

    @Test
    void list_contactFilter_matchesTheCallsContact() {
        UUID contact = com.kin.testing.Fixtures.contact(db.dataSource(), SampleUsers.AGENT1);
        linkContact(CALL1, contact);

        assertThat(ids(items(asAdmin("contactId=" + contact)))).containsExactly(CALL1);
    }

    @Test
    void list_keysetPagesVisitEveryRowOnce() {
        for (int i = 0; i < 7; i++) {
            CallData.call(db.dataSource(), UUID.randomUUID(), SampleUsers.AGENT1, "outbound", "completed",
                    "+14155550100", "+14155550111", "sales", at(10), null);
        }
        Set<UUID> seen = new HashSet<>();
        String cursor = null;
        int pages = 0;
        do {
            JsonNode page = function.body(function.invoke(withQuery(LambdaEvents.http("calls/list.json"),
                    "limit=3" + (cursor == null ? "" : "&cursor=" + cursor))));
            ids(page.get("items")).forEach(id -> assertThat(seen.add(id)).isTrue());
            JsonNode next = page.get("nextCursor");
            cursor = next == null || next.isNull() ? null : next.getStringValue();
            pages++;
        } while (cursor != null);
        assertThat(seen).hasSize(8);
        assertThat(pages).isEqualTo(3);
    }

    @Test
    void list_badParameters_return400NamingEveryOne() {
        JsonNode problem = assertProblem(function.invoke(withQuery(LambdaEvents.http("calls/list.json"),
                "direction=sideways&status=lost&userId=42&contactId=x&phone=12&from=yesterday&limit=0")), 400);

        assertThat(problem.get("errors").entries()).extracting(java.util.Map.Entry::getKey)
                .containsExactlyInAnyOrder("direction", "status", "userId", "contactId", "phone", "from", "limit");
    }

    @Test
    void list_unknownSortReversedRangeOrForeignCursor_return400() {
        assertThat(assertProblem(function.invoke(asAdmin("sort=oldest")), 400).get("errors").get("sort")).isNotNull();
        assertThat(assertProblem(function.invoke(asAdmin("from=2026-11-21T00:00:00Z&to=2026-11-20T00:00:00Z")), 400)
                .get("errors").get("to")).isNotNull();
        String foreign = new com.kin.core.page.Cursor("name", "Ada", UUID.randomUUID()).encode();
        assertThat(assertProblem(function.invoke(asAdmin("cursor=" + foreign)), 400).get("errors").get("cursor")).isNotNull();
        assertThat(assertProblem(function.invoke(asAdmin("limit=101")), 400).get("errors").get("limit")).isNotNull();
    }

    @Test
    void get_returnsCallWithRecordingLinkAndVoicemail_andETag() {
        APIGatewayV2HTTPResponse response = function.invoke(LambdaEvents.http("calls/get.json"));

        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(200);
        assertThat(response.getHeaders()).containsEntry("ETag", "\"1\"");
        JsonNode body = function.body(response);
        assertThat(body.get("call").get("id").getStringValue()).isEqualTo(CALL1.toString());
        assertThat(body.get("call").get("recordingUrl").getStringValue()).isEqualTo(CallData.RECORDINGS + "RE1.mp3");
        JsonNode voicemail = body.get("voicemail");
        assertThat(voicemail.get("id").getStringValue()).isEqualTo(VM1.toString());
        assertThat(voicemail.get("transcription").getStringValue()).contains("call me back");
        assertThat(voicemail.get("recordingUrl").getStringValue()).endsWith(VM1.toString().replace("-", "") + ".mp3");
        assertThat(voicemail.get("read").getBooleanValue()).isFalse();
    }

    @Test
    void get_anotherAgentsCall_returns404() {
        APIGatewayV2HTTPResponse response = function.invoke(LambdaEvents.http("calls/get.json",
                json -> json.replace(CALL1.toString(), CALL2.toString())));

        assertProblem(response, 404);
    }

    @Test
    void get_unansweredCall_visibleWithItsVoicemailToDepartmentManager_notToAgent() {
        APIGatewayV2HTTPEvent asManager = as(LambdaEvents.http("calls/get.json",
                json -> json.replace(CALL1.toString(), CALL3.toString())), SampleUsers.MANAGER, "manager", "sales");
        JsonNode body = function.body(function.invoke(asManager));
        assertThat(body.get("voicemail").get("id").getStringValue()).isEqualTo(VM3.toString());

        assertProblem(function.invoke(LambdaEvents.http("calls/get.json",
                json -> json.replace(CALL1.toString(), CALL3.toString()))), 404);
    }

    @Test
    void get_voicemailTheCallerMayNotSee_isLeftOut() {
        APIGatewayV2HTTPEvent asManager = as(LambdaEvents.http("calls/get.json",
                json -> json.replace(CALL1.toString(), CALL4.toString())), SampleUsers.MANAGER, "manager", "sales");

        JsonNode body = function.body(function.invoke(asManager));

        assertThat(body.get("call").get("id").getStringValue()).isEqualTo(CALL4.toString());
        assertThat(body.get("voicemail") == null || body.get("voicemail").isNull()).isTrue();
    }

    @Test
    void get_withoutClaims_returns401() {
        APIGatewayV2HTTPEvent event = LambdaEvents.http("calls/get.json");
        event.getRequestContext().setAuthorizer(null);

        assertProblem(function.invoke(event), 401);
    }

    @Test
    void get_malformedId_returns400() {
        assertProblem(function.invoke(LambdaEvents.http("calls/get.json",
                json -> json.replace(CALL1.toString(), "not-a-call"))), 400);
    }

    @Test
    void getAndList_runOneStatementEach() {
        SqlMetrics metrics = function.bean(SqlMetrics.class);
        long before = metrics.statementCount();
        function.invoke(LambdaEvents.http("calls/get.json"));
        assertThat(metrics.statementCount() - before).isEqualTo(1);

        before = metrics.statementCount();
        JsonNode items = items(asAdmin("limit=100"));
        assertThat(items.size()).isEqualTo(4);
        assertThat(metrics.statementCount() - before).isEqualTo(1);
    }

    private static Instant at(int hour) {
        return DAY.plusSeconds(hour * 3600L);
    }

    private static APIGatewayV2HTTPEvent asAdmin(String rawQuery) {
        return withQuery(as(LambdaEvents.http("calls/list.json"), SampleUsers.ADMIN, "admin", null), rawQuery);
    }

    private static JsonNode items(APIGatewayV2HTTPEvent event) {
        APIGatewayV2HTTPResponse response = function.invoke(event);
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(200);
        return function.body(response).get("items");
    }

    private static List<UUID> ids(JsonNode items) {
        List<UUID> ids = new ArrayList<>();
        items.values().forEach(item -> ids.add(UUID.fromString(item.get("id").getStringValue())));
        return ids;
    }

    private static JsonNode assertProblem(APIGatewayV2HTTPResponse response, int status) {
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(status);
        assertThat(response.getHeaders().get("Content-Type")).startsWith("application/problem+json");
        JsonNode problem = function.body(response);
        assertThat(problem.get("status").getIntValue()).isEqualTo(status);
        assertThat(problem.get("requestId")).isNotNull();
        assertThat(response.getBody()).doesNotContain("Exception").doesNotContain("select ");
        return problem;
    }

    private static void linkContact(UUID call, UUID contact) {
        try (var connection = db.dataSource().getConnection();
             var statement = connection.prepareStatement("update calls set contact_id = ? where id = ?")) {
            statement.setObject(1, contact);
            statement.setObject(2, call);
            statement.executeUpdate();
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
