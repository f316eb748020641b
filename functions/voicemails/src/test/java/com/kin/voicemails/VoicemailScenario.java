package com.kin.voicemails;

import static com.kin.testing.LambdaEvents.as;
import static com.kin.testing.LambdaEvents.withQuery;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.kin.testing.LambdaEvents;
import com.kin.testing.SampleUsers;
import com.kin.testing.TestDatabase;
import io.micronaut.json.tree.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

/**
 * The voicemail queue the handler tests run against: the sample users (agent1 and the manager in sales, agent2 in support)
 * and six voicemails covering every visibility case, newest first VM3, VM2, VM1, VM4, VM5, VM6.
 */
abstract class VoicemailScenario {

    /** Agent1's, sales, normal, unread. */
    static final UUID VM1 = id(1);
    /** Agent2's, support, urgent, unread. */
    static final UUID VM2 = id(2);
    /** Unassigned in the sales queue, high, unread. */
    static final UUID VM3 = id(3);
    /** Unassigned in the support queue, low, unread. */
    static final UUID VM4 = id(4);
    /** Agent1's, sales, urgent, read. */
    static final UUID VM5 = id(5);
    /** Agent2's (support) but left on a sales number, normal, unread. */
    static final UUID VM6 = id(6);
    static final Instant DAY = Instant.parse("2026-11-20T00:00:00Z");

    static TestDatabase db;
    /** A fresh instance per test, over fresh DynamoDB tables: the database is reset under the cache between tests. */
    static VoicemailsFunction function;

    @BeforeAll
    static void start() {
        db = TestDatabase.get();
    }

    @AfterEach
    void stop() {
        function.close();
    }

    @BeforeEach
    void data() {
        function = VoicemailsFunction.fresh(db);
        db.truncateAll();
        DataSource ds = db.dataSource();
        SampleUsers.insert(ds);
        VoicemailData.voicemail(ds, VM1, SampleUsers.AGENT1, "sales", "normal", false, at(10));
        VoicemailData.voicemail(ds, VM2, SampleUsers.AGENT2, "support", "urgent", false, at(11));
        VoicemailData.voicemail(ds, VM3, null, "sales", "high", false, at(12));
        VoicemailData.voicemail(ds, VM4, null, "support", "low", false, at(9));
        VoicemailData.voicemail(ds, VM5, SampleUsers.AGENT1, "sales", "urgent", true, at(8));
        VoicemailData.voicemail(ds, VM6, SampleUsers.AGENT2, "sales", "normal", false, at(7));
    }

    static UUID id(int n) {
        return UUID.fromString(String.format("21000000-0000-4000-8000-%012d", n));
    }

    static Instant at(int hour) {
        return DAY.plusSeconds(hour * 3600L);
    }

    static APIGatewayV2HTTPEvent asManager(APIGatewayV2HTTPEvent event) {
        return as(event, SampleUsers.MANAGER, "manager", "sales");
    }

    static APIGatewayV2HTTPEvent asAdmin(APIGatewayV2HTTPEvent event) {
        return as(event, SampleUsers.ADMIN, "admin", null);
    }

    static APIGatewayV2HTTPEvent list(String rawQuery) {
        return withQuery(LambdaEvents.http("voicemails/list.json"), rawQuery);
    }

    /** The update sample aimed at another voicemail with another body. */
    static APIGatewayV2HTTPEvent patch(UUID id, String body) {
        APIGatewayV2HTTPEvent event = LambdaEvents.http("voicemails/update.json", json -> json.replace(VM1.toString(), id.toString()));
        event.setBody(body);
        return event;
    }

    static JsonNode ok(APIGatewayV2HTTPEvent event) {
        APIGatewayV2HTTPResponse response = function.invoke(event);
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(200);
        return function.body(response);
    }

    static List<UUID> ids(JsonNode items) {
        List<UUID> ids = new ArrayList<>();
        items.values().forEach(item -> ids.add(UUID.fromString(item.get("id").getStringValue())));
        return ids;
    }

    static JsonNode assertProblem(APIGatewayV2HTTPResponse response, int status) {
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(status);
        assertThat(response.getHeaders().get("Content-Type")).startsWith("application/problem+json");
        JsonNode problem = function.body(response);
        assertThat(problem.get("status").getIntValue()).isEqualTo(status);
        assertThat(problem.get("requestId")).isNotNull();
        assertThat(response.getBody()).doesNotContain("Exception").doesNotContain("select ");
        return problem;
    }

    static List<String> errorFields(JsonNode problem) {
        List<String> fields = new ArrayList<>();
        problem.get("errors").entries().forEach(entry -> fields.add(entry.getKey()));
        return fields;
    }
}
