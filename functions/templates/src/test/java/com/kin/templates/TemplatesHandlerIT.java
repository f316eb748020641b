package com.kin.templates;

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
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every template route through the real handler, fed the real events/ samples, against real Postgres. */
class TemplatesHandlerIT {

    static final UUID T1 = UUID.fromString("21000000-0000-4000-8000-000000000001");
    static final UUID T2 = UUID.fromString("21000000-0000-4000-8000-000000000002");

    static TestDatabase db;
    static TemplatesFunction function;
    static TemplateRows rows;

    @BeforeAll
    static void start() {
        db = TestDatabase.get();
        rows = new TemplateRows(db);
    }

    @AfterEach
    void stop() {
        function.close();
    }

    /** Each test gets a fresh instance and fresh tables: the database is reset under the cache's feet between tests. */
    @BeforeEach
    void seed() {
        function = TemplatesFunction.fresh(db);
        db.truncateAll();
        SampleUsers.insert(db.dataSource());
        rows.insert(T1, "Appointment", "Hi {{firstName}}, see you on {{date}}.", "firstName", "date");
        rows.insert(T2, "Thanks", "Thanks for calling us!");
    }

    @Test
    void list_anyRoleReadsAllTemplates_byName_withKeysetPages() {
        for (int i = 0; i < 5; i++) {
            rows.insert(UUID.randomUUID(), "Extra " + i, "Body " + i);
        }
        List<String> names = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            APIGatewayV2HTTPEvent event = LambdaEvents.withQuery(LambdaEvents.http("templates/list.json"),
                    "limit=3" + (cursor == null ? "" : "&cursor=" + cursor));
            JsonNode page = function.body(function.invoke(event));
            page.get("items").values().forEach(item -> names.add(item.get("name").getStringValue()));
            JsonNode next = page.get("nextCursor");
            cursor = next == null || next.isNull() ? null : next.getStringValue();
            pages++;
        } while (cursor != null);
        assertThat(names).containsExactly("Appointment", "Extra 0", "Extra 1", "Extra 2", "Extra 3", "Extra 4", "Thanks");
        assertThat(pages).isEqualTo(3);
    }

    @Test
    void list_badLimitOrCursor_return400() {
        function.assertProblem(function.invoke(LambdaEvents.withQuery(LambdaEvents.http("templates/list.json"), "limit=101")), 400, "limit");
        function.assertProblem(function.invoke(LambdaEvents.withQuery(LambdaEvents.http("templates/list.json"), "cursor=bogus")), 400, "cursor");
    }

    @Test
    void get_returnsTemplateWithVariablesAndETag() {
        APIGatewayV2HTTPResponse response = function.invoke(LambdaEvents.http("templates/get.json"));

        assertThat(response.getStatusCode()).isEqualTo(200);
        assertThat(response.getHeaders()).containsEntry("ETag", "\"1\"");
        assertThat(texts(function.body(response).get("variables"))).containsExactly("firstName", "date");
    }

    @Test
    void get_unknownTemplate_returns404_withoutClaims_returns401() {
        function.assertProblem(function.invoke(LambdaEvents.http("templates/get.json",
                json -> json.replace(T1.toString(), UUID.randomUUID().toString()))), 404, null);
        APIGatewayV2HTTPEvent event = LambdaEvents.http("templates/get.json");
        event.getRequestContext().setAuthorizer(null);
        function.assertProblem(function.invoke(event), 401, null);
    }

    @Test
    void create_asManager_derivesVariablesFromPlaceholders_returns201() {
        APIGatewayV2HTTPResponse response = function.invoke(LambdaEvents.http("templates/create.json"));

        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(201);
        assertThat(response.getHeaders()).containsEntry("ETag", "\"1\"");
        JsonNode body = function.body(response);
        assertThat(texts(body.get("variables"))).containsExactly("firstName", "date");
        assertThat(body.get("createdBy").getStringValue()).isEqualTo(SampleUsers.MANAGER.toString());
        assertThat(response.getHeaders().get("Location")).isEqualTo("/api/templates/" + body.get("id").getStringValue());
    }

    @Test
    void create_asAgent_returns403AndWritesNothing() {
        APIGatewayV2HTTPEvent event = LambdaEvents.http("templates/create.json");
        asAgent(event);

        function.assertProblem(function.invoke(event), 403, null);
        assertThat(rows.count()).isEqualTo(2);
    }

    @Test
    void create_duplicateName_returns409() {
        APIGatewayV2HTTPEvent event = LambdaEvents.http("templates/create.json");
        event.setBody("{\"name\": \"Thanks\", \"body\": \"Another body\"}");

        JsonNode problem = function.assertProblem(function.invoke(event), 409, null);
        assertThat(problem.get("detail").getStringValue()).contains("Thanks");
    }

    @Test
    void create_invalidFields_returns400WithEveryFieldAndWritesNothing() {
        APIGatewayV2HTTPEvent event = LambdaEvents.http("templates/create.json");
        event.setBody("{\"name\": \"\", \"body\": \"Hi {{ first name }}\", \"colour\": \"red\"}");

        JsonNode problem = function.assertProblem(function.invoke(event), 400, "name");
        assertThat(problem.get("errors").get("body")).isNotNull();
        assertThat(problem.get("errors").get("colour").getStringValue()).isEqualTo("unknown field");
        assertThat(rows.count()).isEqualTo(2);
    }

    @Test
    void create_variablesThatDoNotMatchPlaceholders_returns400() {
        APIGatewayV2HTTPEvent event = LambdaEvents.http("templates/create.json");
        event.setBody("{\"name\": \"New\", \"body\": \"Hi {{firstName}}\", \"variables\": [\"firstName\", \"date\"]}");

        JsonNode problem = function.assertProblem(function.invoke(event), 400, "variables");
        assertThat(problem.get("errors").get("variables").getStringValue()).contains("date");
        assertThat(rows.count()).isEqualTo(2);
    }

    @Test
    void create_bodyOverLimit_returns400() {
        APIGatewayV2HTTPEvent event = LambdaEvents.http("templates/create.json");
        event.setBody("{\"name\": \"Long\", \"body\": \"" + "x".repeat(1601) + "\"}");

        function.assertProblem(function.invoke(event), 400, "body");
    }

    @Test
    void update_currentIfMatch_rederivesVariables_bumpsVersion() {
        APIGatewayV2HTTPResponse response = function.invoke(LambdaEvents.http("templates/update.json"));

        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(200);
        assertThat(response.getHeaders()).containsEntry("ETag", "\"2\"");
        JsonNode body = function.body(response);
        assertThat(texts(body.get("variables"))).containsExactly("firstName", "date", "time");
        assertThat(body.get("name").getStringValue()).isEqualTo("Appointment");
    }

    @Test
    void update_variablesAlone_areCheckedAgainstTheStoredBody() {
        APIGatewayV2HTTPEvent event = LambdaEvents.http("templates/update.json");
        event.setBody("{\"variables\": [\"firstName\"]}");

        function.assertProblem(function.invoke(event), 400, "variables");
        assertThat(rows.versionOf(T1)).isEqualTo(1);
    }

    @Test
    void staleIfMatch_returns412AndChangesNothing() {
        function.invoke(LambdaEvents.http("templates/update.json"));

        APIGatewayV2HTTPEvent second = LambdaEvents.http("templates/update.json");
        second.setBody("{\"name\": \"Renamed\"}");

        function.assertProblem(function.invoke(second), 412, null);
        assertThat(rows.versionOf(T1)).isEqualTo(2);
    }

    @Test
    void update_renameToTakenName_returns409_asAgent_returns403() {
        APIGatewayV2HTTPEvent rename = LambdaEvents.http("templates/update.json");
        rename.setBody("{\"name\": \"Thanks\"}");
        function.assertProblem(function.invoke(rename), 409, null);

        APIGatewayV2HTTPEvent byAgent = LambdaEvents.http("templates/update.json");
        asAgent(byAgent);
        function.assertProblem(function.invoke(byAgent), 403, null);
        assertThat(rows.versionOf(T1)).isEqualTo(1);
    }

    @Test
    void delete_asManager_removes_staleOrAgent_refused() {
        APIGatewayV2HTTPEvent byAgent = LambdaEvents.http("templates/delete.json");
        asAgent(byAgent);
        function.assertProblem(function.invoke(byAgent), 403, null);
        function.assertProblem(function.invoke(LambdaEvents.http("templates/delete.json",
                json -> json.replace("\"\\\"1\\\"\"", "\"\\\"7\\\"\""))), 412, null);

        APIGatewayV2HTTPResponse response = function.invoke(LambdaEvents.http("templates/delete.json"));

        assertThat(response.getStatusCode()).isEqualTo(204);
        function.assertProblem(function.invoke(LambdaEvents.http("templates/get.json")), 404, null);
    }

    @Test
    void statementCounts_listGetCreateDeleteOne_updateTwo() {
        SqlMetrics metrics = function.bean(SqlMetrics.class);
        Map<String, Long> expected = new java.util.LinkedHashMap<>();
        expected.put("templates/list.json", 1L);
        expected.put("templates/get.json", 1L);
        expected.put("templates/create.json", 1L);
        expected.put("templates/update.json", 2L);
        expected.put("templates/delete.json", 1L);
        expected.forEach((file, statements) -> {
            long before = metrics.statementCount();
            APIGatewayV2HTTPResponse response = function.invoke(LambdaEvents.http(file,
                    json -> file.endsWith("delete.json") ? json.replace("\"\\\"1\\\"\"", "\"\\\"2\\\"\"") : json));
            assertThat(response.getStatusCode()).as(file + " " + response.getBody()).isLessThan(300);
            assertThat(metrics.statementCount() - before).as(file).isEqualTo(statements);
        });
    }

    private static void asAgent(APIGatewayV2HTTPEvent event) {
        Map<String, String> claims = event.getRequestContext().getAuthorizer().getJwt().getClaims();
        claims.put("sub", SampleUsers.AGENT1.toString());
        claims.put("role", "agent");
    }



    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.values().forEach(value -> texts.add(value.getStringValue()));
        return texts;
    }
}
