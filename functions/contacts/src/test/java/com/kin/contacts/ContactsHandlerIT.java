package com.kin.contacts;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.kin.data.SqlMetrics;
import com.kin.testing.LambdaEvents;
import com.kin.testing.LocalDynamoDb;
import com.kin.testing.SampleUsers;
import com.kin.testing.TestDatabase;
import io.micronaut.json.tree.JsonNode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every contacts route through the real handler, fed the real events/ samples, against real Postgres. */
class ContactsHandlerIT {

    static final UUID C1 = UUID.fromString("10000000-0000-4000-8000-000000000001");
    static final UUID C2 = UUID.fromString("10000000-0000-4000-8000-000000000002");
    static final String AGENT1 = SampleUsers.AGENT1.toString();

    static TestDatabase db;
    static LocalDynamoDb dynamo;
    ContactsFunction function;

    @BeforeAll
    static void start() {
        db = TestDatabase.get();
        dynamo = LocalDynamoDb.instance();
    }

    @AfterEach
    void stop() {
        function.close();
    }

    /** Each test gets a fresh instance and fresh tables: the database is reset under the cache's feet between tests. */
    @BeforeEach
    void data() {
        String cacheTable = LocalDynamoDb.uniqueTableName("contacts-cache");
        String idempotencyTable = LocalDynamoDb.uniqueTableName("contacts-idem");
        dynamo.createCacheTable(cacheTable);
        dynamo.createCacheTable(idempotencyTable);
        function = new ContactsFunction(db, dynamo, cacheTable, idempotencyTable);
        db.truncateAll();
        SampleUsers.insert(db.dataSource());
        insertContact(C1, SampleUsers.AGENT1, "Wile", "Acme Corp", new String[] {"vip"});
        insertContact(C2, SampleUsers.AGENT2, "Road", "Acme Corp", new String[] {"vip"});
    }

    @Test
    void list_agentSeesOnlyOwnContacts() {
        APIGatewayV2HTTPResponse response = function.invoke(LambdaEvents.http("contacts/list.json"));

        assertThat(response.getStatusCode()).isEqualTo(200);
        JsonNode items = function.body(response).get("items");
        assertThat(items.size()).isEqualTo(1);
        assertThat(items.get(0).get("id").getStringValue()).isEqualTo(C1.toString());
    }

    @Test
    void list_managerSeesDepartment_adminSeesAll() {
        assertThat(listAs("manager", "sales").size()).isEqualTo(1);
        assertThat(listAs("admin", null).size()).isEqualTo(2);
    }

    @Test
    void list_keysetPagesVisitEveryRowOnce() {
        for (int i = 0; i < 7; i++) {
            insertContact(UUID.randomUUID(), SampleUsers.AGENT1, "Name" + i, "Acme Corp", new String[] {"vip"});
        }
        Set<String> seen = new HashSet<>();
        String cursor = null;
        int pages = 0;
        do {
            String query = "q=acme&tag=vip&sort=name&limit=3" + (cursor == null ? "" : "&cursor=" + cursor);
            JsonNode page = function.body(function.invoke(withQuery(query)));
            page.get("items").values().forEach(item -> assertThat(seen.add(item.get("id").getStringValue())).isTrue());
            JsonNode next = page.get("nextCursor");
            cursor = next == null || next.isNull() ? null : next.getStringValue();
            pages++;
        } while (cursor != null);
        assertThat(seen).hasSize(8);
        assertThat(pages).isEqualTo(3);
    }

    @Test
    void list_unknownSortAndOversizedLimit_return400() {
        function.assertProblem(function.invoke(withQuery("sort=owner")), 400, "sort");
        function.assertProblem(function.invoke(withQuery("limit=500")), 400, "limit");
        function.assertProblem(function.invoke(withQuery("limit=ten")), 400, "limit");
        function.assertProblem(function.invoke(withQuery("cursor=bogus")), 400, "cursor");
    }

    @Test
    void get_returnsContactWithETag() {
        APIGatewayV2HTTPResponse response = function.invoke(LambdaEvents.http("contacts/get.json"));

        assertThat(response.getStatusCode()).isEqualTo(200);
        assertThat(response.getHeaders()).containsEntry("ETag", "\"1\"");
        assertThat(function.body(response).get("firstName").getStringValue()).isEqualTo("Wile");
    }

    @Test
    void get_anotherAgentsContact_returns404() {
        APIGatewayV2HTTPResponse response = function.invoke(LambdaEvents.http("contacts/get.json",
                json -> json.replace(C1.toString(), C2.toString())));

        function.assertProblem(response, 404, null);
    }

    @Test
    void get_withoutClaims_returns401() {
        APIGatewayV2HTTPEvent event = LambdaEvents.http("contacts/get.json");
        event.getRequestContext().setAuthorizer(null);

        function.assertProblem(function.invoke(event), 401, null);
    }

    @Test
    void create_normalisesPhoneToE164_returns201() {
        APIGatewayV2HTTPResponse response = function.invoke(LambdaEvents.http("contacts/create.json"));

        assertThat(response.getStatusCode()).isEqualTo(201);
        JsonNode body = function.body(response);
        assertThat(body.get("phone").getStringValue()).isEqualTo("+14155550132");
        assertThat(body.get("ownerId").getStringValue()).isEqualTo(AGENT1);
        assertThat(response.getHeaders()).containsEntry("ETag", "\"1\"");
    }

    @Test
    void create_invalidFields_returns400WithEveryFieldAndWritesNothing() {
        APIGatewayV2HTTPResponse response = function.invoke(LambdaEvents.http("contacts/create.json",
                json -> json.replace("(415) 555-0132", "12").replace("ada@example.com", "not-an-email")
                        .replace("\\\"prospect\\\"", "\\\"Bad Tag!\\\"").replace("\\\"lastName\\\"", "\\\"nickname\\\"")));

        JsonNode problem = function.assertProblem(response, 400, null);
        assertThat(problem.get("errors").get("phone")).isNotNull();
        assertThat(problem.get("errors").get("email")).isNotNull();
        assertThat(problem.get("errors").get("tags")).isNotNull();
        assertThat(problem.get("errors").get("nickname").getStringValue()).isEqualTo("unknown field");
        assertThat(countContacts()).isEqualTo(2);
    }

    @Test
    void create_malformedJson_returns400Problem() {
        APIGatewayV2HTTPEvent event = LambdaEvents.http("contacts/create.json");
        event.setBody("{\"firstName\": ");

        function.assertProblem(function.invoke(event), 400, null);
        assertThat(countContacts()).isEqualTo(2);
    }

    @Test
    void create_forAnotherOwnerAsAgent_returns403() {
        APIGatewayV2HTTPEvent event = LambdaEvents.http("contacts/create.json");
        event.setBody("{\"firstName\":\"Eve\",\"ownerId\":\"" + SampleUsers.AGENT2 + "\"}");

        function.assertProblem(function.invoke(event), 403, null);
    }

    @Test
    void update_currentIfMatch_appliesAndBumpsVersion() {
        APIGatewayV2HTTPResponse response = function.invoke(LambdaEvents.http("contacts/update.json"));

        assertThat(response.getStatusCode()).isEqualTo(200);
        assertThat(response.getHeaders()).containsEntry("ETag", "\"2\"");
        JsonNode body = function.body(response);
        assertThat(body.get("organization").getStringValue()).isEqualTo("Acme Corp");
        assertThat(body.get("firstName").getStringValue()).isEqualTo("Wile");
    }

    @Test
    void staleIfMatch_returns412AndChangesNothing() {
        function.invoke(LambdaEvents.http("contacts/update.json"));

        APIGatewayV2HTTPResponse second = function.invoke(LambdaEvents.http("contacts/update.json",
                json -> json.replace("Acme Corp", "Changed Again")));

        function.assertProblem(second, 412, null);
        assertThat(organizationOf(C1)).isEqualTo("Acme Corp");
    }

    @Test
    void delete_removesTheContact() {
        APIGatewayV2HTTPResponse response = function.invoke(LambdaEvents.http("contacts/delete.json"));

        assertThat(response.getStatusCode()).isEqualTo(204);
        assertThat(countContacts()).isEqualTo(1);
        function.assertProblem(function.invoke(LambdaEvents.http("contacts/get.json")), 404, null);
    }

    @Test
    void bulk_reportsEveryIdAndChangesOnlyTheCallersContacts() {
        UUID missing = UUID.randomUUID();
        APIGatewayV2HTTPResponse response = function.invoke(LambdaEvents.http("contacts/bulk.json",
                json -> json.replace("\\\"" + C2 + "\\\"]", "\\\"" + C2 + "\\\",\\\"" + missing + "\\\"]")));

        assertThat(response.getStatusCode()).isEqualTo(200);
        JsonNode results = function.body(response).get("results");
        assertThat(statusOf(results, C1)).isEqualTo("done");
        assertThat(statusOf(results, C2)).isEqualTo("forbidden");
        assertThat(statusOf(results, missing)).isEqualTo("not_found");
        assertThat(tagsOf(C1)).containsExactly("vip", "follow-up");
        assertThat(tagsOf(C2)).containsExactly("vip");
    }

    @Test
    void get_secondReadIsServedFromL1_andAWriteIsSeenAtOnce() {
        APIGatewayV2HTTPResponse first = function.invoke(LambdaEvents.http("contacts/get.json"));
        APIGatewayV2HTTPResponse second = function.invoke(LambdaEvents.http("contacts/get.json"));
        function.invoke(LambdaEvents.http("contacts/update.json"));
        APIGatewayV2HTTPResponse afterWrite = function.invoke(LambdaEvents.http("contacts/get.json"));

        assertThat(first.getHeaders()).containsEntry("x-cache", "miss");
        assertThat(second.getHeaders()).containsEntry("x-cache", "l1");
        assertThat(afterWrite.getHeaders()).containsEntry("x-cache", "miss").containsEntry("ETag", "\"2\"");
        assertThat(function.body(afterWrite).get("organization").getStringValue()).isEqualTo("Acme Corp");
    }

    @Test
    void list_isCachedPerVisibility_andInvalidatedByACreate() {
        function.invoke(LambdaEvents.http("contacts/list.json"));
        APIGatewayV2HTTPResponse cached = function.invoke(LambdaEvents.http("contacts/list.json"));
        APIGatewayV2HTTPEvent create = LambdaEvents.http("contacts/create.json");
        create.setBody("{\"firstName\":\"Coyote\",\"organization\":\"Acme Corp\",\"tags\":[\"vip\"]}");
        function.invoke(create);

        APIGatewayV2HTTPResponse afterCreate = function.invoke(LambdaEvents.http("contacts/list.json"));

        assertThat(cached.getHeaders()).containsEntry("x-cache", "l1");
        assertThat(afterCreate.getHeaders()).containsEntry("x-cache", "miss");
        assertThat(function.body(afterCreate).get("items").size()).isEqualTo(2);
        assertThat(listAs("admin", null).size()).isEqualTo(3);
    }

    @Test
    void create_retriedWithTheSameIdempotencyKey_createsOneContact() {
        APIGatewayV2HTTPEvent first = withIdempotencyKey(LambdaEvents.http("contacts/create.json"), "create-ada-1");
        APIGatewayV2HTTPEvent retry = withIdempotencyKey(LambdaEvents.http("contacts/create.json"), "create-ada-1");

        APIGatewayV2HTTPResponse created = function.invoke(first);
        APIGatewayV2HTTPResponse replayed = function.invoke(retry);

        assertThat(created.getStatusCode()).isEqualTo(201);
        assertThat(replayed.getStatusCode()).isEqualTo(201);
        assertThat(replayed.getBody()).isEqualTo(created.getBody());
        assertThat(replayed.getHeaders()).containsEntry("idempotent-replayed", "true");
        assertThat(countContacts()).isEqualTo(3);
    }

    @Test
    void getById_runsOneStatement() {
        SqlMetrics metrics = function.bean(SqlMetrics.class);
        long before = metrics.statementCount();

        function.invoke(LambdaEvents.http("contacts/get.json"));

        assertThat(metrics.statementCount() - before).isEqualTo(1);
    }

    private JsonNode listAs(String role, String department) {
        APIGatewayV2HTTPEvent event = LambdaEvents.http("contacts/list.json");
        var claims = event.getRequestContext().getAuthorizer().getJwt().getClaims();
        claims.put("sub", role.equals("admin") ? SampleUsers.ADMIN.toString() : SampleUsers.MANAGER.toString());
        claims.put("role", role);
        if (department == null) {
            claims.remove("department");
        } else {
            claims.put("department", department);
        }
        return function.body(function.invoke(event)).get("items");
    }

    private static APIGatewayV2HTTPEvent withIdempotencyKey(APIGatewayV2HTTPEvent event, String key) {
        java.util.Map<String, String> headers = new java.util.HashMap<>(event.getHeaders());
        headers.put("idempotency-key", key);
        event.setHeaders(headers);
        return event;
    }

    private static APIGatewayV2HTTPEvent withQuery(String rawQuery) {
        return LambdaEvents.withQuery(LambdaEvents.http("contacts/list.json"), rawQuery);
    }


    private static String statusOf(JsonNode results, UUID id) {
        for (JsonNode item : results.values()) {
            if (item.get("id").getStringValue().equals(id.toString())) {
                return item.get("status").getStringValue();
            }
        }
        throw new AssertionError("no result for " + id);
    }

    private static void insertContact(UUID id, UUID owner, String firstName, String organization, String[] tags) {
        DataSource ds = db.dataSource();
        try (Connection c = ds.getConnection(); PreparedStatement s = c.prepareStatement(
                "insert into contacts (id, owner_id, first_name, last_name, organization, tags) values (?, ?, ?, '', ?, ?)")) {
            s.setObject(1, id);
            s.setObject(2, owner);
            s.setString(3, firstName);
            s.setString(4, organization);
            s.setArray(5, c.createArrayOf("text", tags));
            s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static int countContacts() {
        return single("select count(*) from contacts", rs -> rs.getInt(1));
    }

    private static String organizationOf(UUID id) {
        return single("select organization from contacts where id = '" + id + "'", rs -> rs.getString(1));
    }

    private static List<String> tagsOf(UUID id) {
        return single("select tags from contacts where id = '" + id + "'",
                rs -> List.of((String[]) rs.getArray(1).getArray()));
    }

    private interface Reader<T> {
        T read(java.sql.ResultSet rs) throws SQLException;
    }

    private static <T> T single(String sql, Reader<T> reader) {
        try (Connection c = db.dataSource().getConnection(); var s = c.createStatement(); var rs = s.executeQuery(sql)) {
            rs.next();
            return reader.read(rs);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
