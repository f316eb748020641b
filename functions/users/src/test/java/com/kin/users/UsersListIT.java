package com.kin.users;

import static com.kin.users.UserData.SAMPLE;
import static com.kin.users.UserRequests.asAgent;
import static com.kin.users.UserRequests.asManager;
import static com.kin.users.UserRequests.event;
import static com.kin.testing.LambdaEvents.withQuery;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
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

/** The user list through the real handler, fed events/users/list.json, per role, against real Postgres. */
class UsersListIT {

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
    void list_admin_filtersByRoleAndActive_inEmailOrder_inOneStatement_thenFromL1() {
        function.invoke(withQuery(event("list"), "limit=1"));
        assertThat(function.statementsRunBy(event("list"))).isEqualTo(1);

        APIGatewayV2HTTPResponse response = function.invoke(event("list"));

        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(200);
        assertThat(response.getHeaders()).containsEntry("x-cache", "l1");
        assertThat(emails(function.body(response)))
                .containsExactly("agent1@kin.local", "agent2@kin.local", "Sam.Sample@kin.local");
        assertThat(function.statementsRunBy(event("list"))).isZero();
    }

    @Test
    void list_deactivatedFilter_findsOnlyDeactivatedUsers() {
        JsonNode page = function.body(function.invoke(withQuery(event("list"), "active=false")));

        assertThat(emails(page)).containsExactly("retired@kin.local");
        assertThat(page.get("items").get(0).get("active").getBooleanValue()).isFalse();
    }

    @Test
    void list_manager_seesOnlyItsDepartment() {
        assertThat(emails(function.body(function.invoke(withQuery(asManager(event("list")), "")))))
                .containsExactly("agent1@kin.local", "manager@kin.local", "Sam.Sample@kin.local");
        assertThat(emails(function.body(function.invoke(withQuery(asManager(event("list")), "department=support")))))
                .isEmpty();
    }

    @Test
    void list_agent_returns403() {
        function.assertProblem(function.invoke(asAgent(event("list"))), 403, null);
    }

    @Test
    void list_keysetPages_visitEveryUserOnce_caseInsensitiveEmailOrder() {
        for (String email : List.of("b@kin.local", "C@kin.local", "d@kin.local", "E@kin.local")) {
            data.user(UUID.randomUUID(), email, "agent", "ops", true);
        }
        List<String> seen = new ArrayList<>();
        String cursor = null;
        do {
            String query = "department=ops&limit=3" + (cursor == null ? "" : "&cursor=" + cursor);
            JsonNode page = function.body(function.invoke(withQuery(event("list"), query)));
            seen.addAll(emails(page));
            JsonNode next = page.get("nextCursor");
            cursor = next == null || next.isNull() ? null : next.getStringValue();
        } while (cursor != null);

        assertThat(seen).containsExactly("b@kin.local", "C@kin.local", "d@kin.local", "E@kin.local");
    }

    @Test
    void list_badParameters_return400WithEveryField() {
        JsonNode errors = function.assertProblem(function.invoke(withQuery(event("list"),
                "role=boss&active=maybe&limit=0")), 400, null).get("errors");

        assertThat(errors.get("role")).isNotNull();
        assertThat(errors.get("active")).isNotNull();
        assertThat(errors.get("limit")).isNotNull();
        function.assertProblem(function.invoke(withQuery(event("list"), "cursor=bogus")), 400, "cursor");
    }

    private static List<String> emails(JsonNode page) {
        List<String> emails = new ArrayList<>();
        page.get("items").values().forEach(user -> emails.add(user.get("email").getStringValue()));
        return emails;
    }
}
