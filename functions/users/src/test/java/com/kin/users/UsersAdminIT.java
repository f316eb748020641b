package com.kin.users;

import static com.kin.users.UserData.SAMPLE;
import static com.kin.users.UserRequests.asAgent;
import static com.kin.users.UserRequests.asManager;
import static com.kin.users.UserRequests.event;
import static com.kin.users.UserRequests.forUser;
import static com.kin.users.UserRequests.withBody;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.kin.testing.SampleUsers;
import com.kin.testing.TestDatabase;
import io.micronaut.json.tree.JsonNode;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** User administration through the real handler, fed events/users samples, per role, against real Postgres. */
class UsersAdminIT {

    static final UUID RETIRED = UUID.fromString("25000000-0000-4000-8000-000000000002");

    static TestDatabase db;
    static UserData data;
    UsersFunction function;

    @BeforeAll
    static void start() {
        db = TestDatabase.get();
        data = new UserData(db);
    }

    @AfterEach
    void stop() {
        function.close();
    }

    /** Each test gets a fresh instance and fresh tables: the database is reset under the cache's feet between tests. */
    @BeforeEach
    void users() {
        function = UsersFunction.fresh(db);
        db.truncateAll();
        SampleUsers.insert(db.dataSource());
        data.user(SAMPLE, "Sam.Sample@kin.local", "agent", "sales", true);
        data.user(RETIRED, "retired@kin.local", "agent", "support", false);
    }

    @Test
    void get_admin_returnsUserWithETag_inOneStatement_thenFromL1() {
        function.invoke(forUser(event("get"), SampleUsers.ADMIN));
        assertThat(function.statementsRunBy(event("get"))).isEqualTo(1);

        APIGatewayV2HTTPResponse response = function.invoke(event("get"));

        assertThat(response.getStatusCode()).isEqualTo(200);
        assertThat(response.getHeaders()).containsEntry("ETag", "\"1\"").containsEntry("x-cache", "l1");
        assertThat(function.body(response).get("email").getStringValue()).isEqualTo("Sam.Sample@kin.local");
        assertThat(function.statementsRunBy(event("get"))).isZero();
    }

    @Test
    void get_managerSeesItsDepartment_otherDepartmentsRead404() {
        assertThat(function.invoke(asManager(event("get"))).getStatusCode()).isEqualTo(200);
        function.assertProblem(function.invoke(forUser(asManager(event("get")), SampleUsers.AGENT2)), 404, null);
    }

    @Test
    void get_agentSeesItself_othersRead404() {
        assertThat(function.invoke(forUser(asAgent(event("get")), SampleUsers.AGENT1)).getStatusCode()).isEqualTo(200);
        function.assertProblem(function.invoke(asAgent(event("get"))), 404, null);
        function.assertProblem(function.invoke(forUser(event("get"), UUID.randomUUID())), 404, null);
    }

    @Test
    void get_idThatIsNotAUuid_returns400() {
        APIGatewayV2HTTPEvent event = event("get");
        event.setRawPath("/api/users/42");
        event.getRequestContext().getHttp().setPath("/api/users/42");

        function.assertProblem(function.invoke(event), 400, "id");
    }

    @Test
    void create_admin_normalisesThePhone_returns201WithLocationAndETag_inOneStatement() {
        APIGatewayV2HTTPResponse response = function.invoke(event("create"));

        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(201);
        assertThat(response.getHeaders()).containsEntry("ETag", "\"1\"");
        JsonNode created = function.body(response);
        assertThat(response.getHeaders().get("Location")).isEqualTo("/api/users/" + created.get("id").getStringValue());
        assertThat(created.get("phoneNumber").getStringValue()).isEqualTo("+14155550142");
        assertThat(created.get("twilioWorkerSid").getStringValue()).isEqualTo("WK0123456789abcdef0123456789abcdef");
        assertThat(created.get("active").getBooleanValue()).isTrue();
        APIGatewayV2HTTPEvent another = withBody(event("create"),
                "{\"email\": \"dan@kin.local\", \"name\": \"Dan\", \"role\": \"manager\"}");
        another.getHeaders().put("idempotency-key", "create-dan-1"); // another request than the sample's: its own key
        assertThat(function.statementsRunBy(another)).isEqualTo(1);
    }

    @Test
    void create_emailTakenInAnyCase_returns409() {
        JsonNode problem = function.assertProblem(function.invoke(withBody(event("create"),
                "{\"email\": \"AGENT1@kin.local\", \"name\": \"Copy\", \"role\": \"agent\"}")), 409, null);

        assertThat(problem.get("detail").getStringValue()).contains("email");
        assertThat(data.value("select count(*) from users")).isEqualTo(6L);
    }

    @Test
    void create_invalidFields_return400WithEveryField_andWriteNothing() {
        JsonNode errors = function.assertProblem(function.invoke(withBody(event("create"),
                "{\"email\": \"not-an-email\", \"role\": \"boss\", \"twilioWorkerSid\": \"WK123\","
                        + " \"phoneNumber\": \"12\", \"clientIdentity\": \"has spaces\", \"active\": false,"
                        + " \"nickname\": \"x\"}")), 400, null).get("errors");

        assertThat(errors.get("email")).isNotNull();
        assertThat(errors.get("name").getStringValue()).isEqualTo("is required");
        assertThat(errors.get("role")).isNotNull();
        assertThat(errors.get("twilioWorkerSid")).isNotNull();
        assertThat(errors.get("phoneNumber")).isNotNull();
        assertThat(errors.get("clientIdentity")).isNotNull();
        assertThat(errors.get("active")).isNotNull();
        assertThat(errors.get("nickname").getStringValue()).isEqualTo("unknown field");
        assertThat(data.value("select count(*) from users")).isEqualTo(6L);
    }

    @Test
    void create_byManagerOrAgent_returns403() {
        function.assertProblem(function.invoke(asManager(event("create"))), 403, null);
        function.assertProblem(function.invoke(asAgent(event("create"))), 403, null);
        assertThat(data.value("select count(*) from users")).isEqualTo(6L);
    }

    @Test
    void update_admin_changesRoleDepartmentAndWorkerSid_bumpsTheVersion_inOneStatement() {
        APIGatewayV2HTTPResponse response = function.invoke(event("update"));

        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(200);
        assertThat(response.getHeaders()).containsEntry("ETag", "\"2\"");
        JsonNode updated = function.body(response);
        assertThat(updated.get("role").getStringValue()).isEqualTo("manager");
        assertThat(updated.get("department").getStringValue()).isEqualTo("support");
        assertThat(updated.get("email").getStringValue()).isEqualTo("Sam.Sample@kin.local");
        assertThat(function.statementsRunBy(UserRequests.withIfMatch(event("update"), "\"2\""))).isEqualTo(1);
    }

    @Test
    void update_staleIfMatch_returns412AndChangesNothing() {
        function.invoke(event("update"));

        function.assertProblem(function.invoke(withBody(event("update"), "{\"name\": \"Changed Again\"}")), 412, null);
        assertThat(data.value("select name from users where id = ?", SAMPLE)).isEqualTo("User Sam.Sample@kin.local");
        assertThat(data.version(SAMPLE)).isEqualTo(2);
    }

    @Test
    void deactivate_keepsTheUser_inactive() {
        APIGatewayV2HTTPResponse response = function.invoke(event("deactivate"));

        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(200);
        assertThat(function.body(response).get("active").getBooleanValue()).isFalse();
        assertThat(data.value("select active from users where id = ?", SAMPLE)).isEqualTo(false);
    }

    @Test
    void update_adminDemotingOrDeactivatingItself_returns400() {
        APIGatewayV2HTTPEvent demote = withBody(forUser(event("update"), SampleUsers.ADMIN), "{\"role\": \"manager\"}");
        APIGatewayV2HTTPEvent deactivate = withBody(forUser(event("update"), SampleUsers.ADMIN), "{\"active\": false}");

        assertThat(function.assertProblem(function.invoke(demote), 400, "role").get("detail").getStringValue())
                .contains("may not demote itself");
        function.assertProblem(function.invoke(deactivate), 400, "active");
        assertThat(data.value("select role from users where id = ?", SampleUsers.ADMIN)).isEqualTo("admin");
        assertThat(data.value("select active from users where id = ?", SampleUsers.ADMIN)).isEqualTo(true);
    }

    @Test
    void update_emailOrNothing_returns400() {
        function.assertProblem(function.invoke(withBody(event("update"), "{\"email\": \"new@kin.local\"}")), 400, "email");
        function.assertProblem(function.invoke(withBody(event("update"), "{}")), 400, null);
        assertThat(data.version(SAMPLE)).isEqualTo(1);
    }

    @Test
    void update_workerSidOfAnotherUser_returns409() {
        function.invoke(event("update"));

        APIGatewayV2HTTPEvent copy = withBody(forUser(event("update"), SampleUsers.AGENT2),
                "{\"twilioWorkerSid\": \"WKfedcba9876543210fedcba9876543210\"}");

        assertThat(function.assertProblem(function.invoke(copy), 409, null).get("detail").getStringValue())
                .contains("twilioWorkerSid");
    }

    @Test
    void update_byManager_returns403_unknownUser_returns404() {
        function.assertProblem(function.invoke(asManager(event("update"))), 403, null);
        function.assertProblem(function.invoke(forUser(event("update"), UUID.randomUUID())), 404, null);
        assertThat(data.version(SAMPLE)).isEqualTo(1);
    }

    @Test
    void anyRoute_withoutClaims_returns401() {
        APIGatewayV2HTTPEvent event = event("list");
        event.getRequestContext().setAuthorizer(null);

        function.assertProblem(function.invoke(event), 401, null);
    }
}
