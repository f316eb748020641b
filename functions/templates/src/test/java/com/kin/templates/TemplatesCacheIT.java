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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Templates through the two-tier cache on one instance: reads are served from L1 the second time, and every committed
 * write (create, update, delete) is seen by the next read at once; a retried create with the same Idempotency-Key runs once.
 */
class TemplatesCacheIT {

    private static final UUID T1 = TemplatesHandlerIT.T1;
    private static final UUID T2 = TemplatesHandlerIT.T2;

    private final TestDatabase db = TestDatabase.get();
    private final TemplateRows rows = new TemplateRows(db);
    private TemplatesFunction function;

    @BeforeEach
    void start() {
        function = TemplatesFunction.fresh(db);
        db.truncateAll();
        SampleUsers.insert(db.dataSource());
        rows.insert(T1, "Appointment", "Hi {{firstName}}, see you on {{date}}.", "firstName", "date");
        rows.insert(T2, "Thanks", "Thanks for calling us!");
    }

    @AfterEach
    void stop() {
        function.close();
    }

    @Test
    void get_secondReadIsServedFromL1WithoutAStatement_andAnUpdateIsSeenAtOnce() {
        SqlMetrics metrics = function.bean(SqlMetrics.class);
        APIGatewayV2HTTPResponse first = function.invoke(LambdaEvents.http("templates/get.json"));
        long before = metrics.statementCount();
        APIGatewayV2HTTPResponse second = function.invoke(LambdaEvents.http("templates/get.json"));
        long statementsOfHit = metrics.statementCount() - before;
        assertThat(function.invoke(LambdaEvents.http("templates/update.json")).getStatusCode()).isEqualTo(200);

        APIGatewayV2HTTPResponse afterWrite = function.invoke(LambdaEvents.http("templates/get.json"));

        assertThat(first.getHeaders()).containsEntry("x-cache", "miss");
        assertThat(second.getHeaders()).containsEntry("x-cache", "l1").containsEntry("ETag", "\"1\"");
        assertThat(statementsOfHit).isZero();
        assertThat(afterWrite.getHeaders()).containsEntry("x-cache", "miss").containsEntry("ETag", "\"2\"");
        assertThat(texts(function.body(afterWrite).get("variables"))).containsExactly("firstName", "date", "time");
    }

    @Test
    void entriesLoadedByOneInstance_areL2HitsForAnother_withTheSameBodies() {
        APIGatewayV2HTTPResponse template = function.invoke(LambdaEvents.http("templates/get.json"));
        APIGatewayV2HTTPResponse page = function.invoke(LambdaEvents.http("templates/list.json"));

        try (TemplatesFunction other = function.sibling()) {
            APIGatewayV2HTTPResponse otherTemplate = other.invoke(LambdaEvents.http("templates/get.json"));
            APIGatewayV2HTTPResponse otherPage = other.invoke(LambdaEvents.http("templates/list.json"));

            assertThat(otherTemplate.getHeaders()).containsEntry("x-cache", "l2").containsEntry("ETag", "\"1\"");
            assertThat(otherTemplate.getBody()).isEqualTo(template.getBody());
            assertThat(otherPage.getHeaders()).containsEntry("x-cache", "l2");
            assertThat(otherPage.getBody()).isEqualTo(page.getBody());
        }
    }

    @Test
    void list_secondReadIsServedFromL1_andACreateIsSeenAtOnce() {
        function.invoke(LambdaEvents.http("templates/list.json"));
        APIGatewayV2HTTPResponse cached = function.invoke(LambdaEvents.http("templates/list.json"));
        assertThat(function.invoke(LambdaEvents.http("templates/create.json")).getStatusCode()).isEqualTo(201);

        APIGatewayV2HTTPResponse afterCreate = function.invoke(LambdaEvents.http("templates/list.json"));

        assertThat(cached.getHeaders()).containsEntry("x-cache", "l1");
        assertThat(names(cached)).containsExactly("Appointment", "Thanks");
        assertThat(afterCreate.getHeaders()).containsEntry("x-cache", "miss");
        assertThat(names(afterCreate)).containsExactly("Appointment", "Appointment reminder", "Thanks");
    }

    @Test
    void rename_isSeenAtOnceByTheCachedListAndTheCachedTemplate() {
        function.invoke(LambdaEvents.http("templates/list.json"));
        function.invoke(LambdaEvents.http("templates/get.json"));
        APIGatewayV2HTTPEvent rename = LambdaEvents.http("templates/update.json");
        rename.setBody("{\"name\": \"Visit\"}");
        assertThat(function.invoke(rename).getStatusCode()).isEqualTo(200);

        assertThat(names(function.invoke(LambdaEvents.http("templates/list.json")))).containsExactly("Thanks", "Visit");
        assertThat(function.body(function.invoke(LambdaEvents.http("templates/get.json"))).get("name").getStringValue())
                .isEqualTo("Visit");
    }

    @Test
    void delete_isSeenAtOnceByTheCachedTemplateAndList() {
        function.invoke(LambdaEvents.http("templates/list.json"));
        function.invoke(LambdaEvents.http("templates/get.json"));
        assertThat(function.invoke(LambdaEvents.http("templates/get.json")).getHeaders()).containsEntry("x-cache", "l1");

        assertThat(function.invoke(LambdaEvents.http("templates/delete.json")).getStatusCode()).isEqualTo(204);

        assertThat(function.invoke(LambdaEvents.http("templates/get.json")).getStatusCode()).isEqualTo(404);
        assertThat(names(function.invoke(LambdaEvents.http("templates/list.json")))).containsExactly("Thanks");
    }

    @Test
    void refusedWrite_leavesTheCachedTemplateInPlace() {
        function.invoke(LambdaEvents.http("templates/get.json"));
        APIGatewayV2HTTPEvent stale = LambdaEvents.http("templates/update.json",
                json -> json.replace("\"\\\"1\\\"\"", "\"\\\"7\\\"\""));
        assertThat(function.invoke(stale).getStatusCode()).isEqualTo(412);

        APIGatewayV2HTTPResponse after = function.invoke(LambdaEvents.http("templates/get.json"));

        assertThat(after.getHeaders()).containsEntry("x-cache", "l1").containsEntry("ETag", "\"1\"");
    }

    @Test
    void create_retriedWithTheSameIdempotencyKey_createsOneTemplate() {
        SqlMetrics metrics = function.bean(SqlMetrics.class);
        APIGatewayV2HTTPResponse created = function.invoke(withIdempotencyKey("templates/create.json", "create-reminder-1"));
        long before = metrics.statementCount();

        APIGatewayV2HTTPResponse replayed = function.invoke(withIdempotencyKey("templates/create.json", "create-reminder-1"));

        assertThat(created.getStatusCode()).as(created.getBody()).isEqualTo(201);
        assertThat(replayed.getStatusCode()).isEqualTo(201);
        assertThat(replayed.getBody()).isEqualTo(created.getBody());
        assertThat(replayed.getHeaders()).containsEntry("idempotent-replayed", "true");
        assertThat(metrics.statementCount() - before).isZero();
        assertThat(rows.count()).isEqualTo(3);
    }

    private static APIGatewayV2HTTPEvent withIdempotencyKey(String file, String key) {
        APIGatewayV2HTTPEvent event = LambdaEvents.http(file);
        Map<String, String> headers = new HashMap<>(event.getHeaders());
        headers.put("idempotency-key", key);
        event.setHeaders(headers);
        return event;
    }

    private List<String> names(APIGatewayV2HTTPResponse response) {
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(200);
        List<String> names = new ArrayList<>();
        function.body(response).get("items").values().forEach(item -> names.add(item.get("name").getStringValue()));
        return names;
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.values().forEach(value -> texts.add(value.getStringValue()));
        return texts;
    }
}
