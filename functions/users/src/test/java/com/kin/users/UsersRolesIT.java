package com.kin.users;

import static com.kin.users.UserData.SAMPLE;
import static com.kin.users.UserRequests.asAgent;
import static com.kin.users.UserRequests.asManager;
import static com.kin.users.UserRequests.event;
import static com.kin.users.UserRequests.forUser;
import static com.kin.users.UserRequests.withBody;
import static com.kin.users.UserRequests.withIfMatch;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.kin.testing.SampleUsers;
import com.kin.testing.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code PATCH /api/users/{id}} as each role, and the one version a user record has: its preferences are part of it, so
 * the ETag of {@code /api/users/{id}} and of {@code /api/users/me/preferences} is the same number and a write through
 * either route makes the other's ETag stale.
 */
class UsersRolesIT {

    static TestDatabase db;
    static UserData data;
    UsersFunction function;

    @BeforeAll
    static void start() {
        db = TestDatabase.get();
        data = new UserData(db);
    }

    /** Each test gets a fresh instance and fresh tables: the database is reset under the cache's feet between tests. */
    @BeforeEach
    void users() {
        function = UsersFunction.fresh(db);
        db.truncateAll();
        SampleUsers.insert(db.dataSource());
        data.user(SAMPLE, "Sam.Sample@kin.local", "agent", "sales", true);
    }

    @AfterEach
    void stop() {
        function.close();
    }

    @Test
    void update_byAgent_returns403_evenOfItself_andChangesNothing() {
        function.assertProblem(function.invoke(asAgent(event("update"))), 403, null);
        function.assertProblem(function.invoke(asAgent(withBody(forUser(event("update"), SampleUsers.AGENT1),
                "{\"role\": \"admin\"}"))), 403, null);

        assertThat(data.version(SAMPLE)).isEqualTo(1);
        assertThat(data.value("select role from users where id = ?", SampleUsers.AGENT1)).isEqualTo("agent");
    }

    @Test
    void update_byManagerOfTheUsersDepartment_returns403() {
        function.assertProblem(function.invoke(asManager(event("deactivate"))), 403, null);

        assertThat(data.value("select active from users where id = ?", SAMPLE)).isEqualTo(true);
    }

    @Test
    void update_byAdmin_returns200WithTheNextETag() {
        APIGatewayV2HTTPResponse response = function.invoke(event("update"));

        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(200);
        assertThat(response.getHeaders()).containsEntry("ETag", "\"2\"");
        assertThat(data.value("select role from users where id = ?", SAMPLE)).isEqualTo("manager");
    }

    @Test
    void savingPreferences_makesTheAdminsETagOfThatUserStale() {
        APIGatewayV2HTTPResponse read = function.invoke(forUser(event("get"), SampleUsers.AGENT1));
        assertThat(read.getHeaders()).containsEntry("ETag", "\"1\"");

        APIGatewayV2HTTPResponse saved = function.invoke(event("preferences-put"));
        assertThat(saved.getHeaders()).as(saved.getBody()).containsEntry("ETag", "\"2\"");

        function.assertProblem(function.invoke(withBody(forUser(event("update"), SampleUsers.AGENT1),
                "{\"department\": \"support\"}")), 412, null);
        assertThat(data.value("select department from users where id = ?", SampleUsers.AGENT1)).isEqualTo("sales");
        APIGatewayV2HTTPResponse reread = function.invoke(forUser(event("get"), SampleUsers.AGENT1));
        assertThat(reread.getHeaders()).containsEntry("ETag", "\"2\"");
        APIGatewayV2HTTPResponse retried = function.invoke(withIfMatch(withBody(forUser(event("update"),
                SampleUsers.AGENT1), "{\"department\": \"support\"}"), "\"2\""));
        assertThat(retried.getStatusCode()).as(retried.getBody()).isEqualTo(200);
        assertThat(retried.getHeaders()).containsEntry("ETag", "\"3\"");
    }

    @Test
    void anAdminsChange_makesTheUsersPreferencesETagStale() {
        assertThat(function.invoke(event("preferences-get")).getHeaders()).containsEntry("ETag", "\"1\"");

        APIGatewayV2HTTPResponse changed = function.invoke(withBody(forUser(event("update"), SampleUsers.AGENT1),
                "{\"name\": \"Alice A. Agent\"}"));
        assertThat(changed.getStatusCode()).as(changed.getBody()).isEqualTo(200);

        function.assertProblem(function.invoke(event("preferences-put")), 412, null);
        assertThat(data.value("select preferences ->> 'theme' from users where id = ?", SampleUsers.AGENT1)).isNull();
        APIGatewayV2HTTPResponse reread = function.invoke(event("preferences-get"));
        assertThat(reread.getHeaders()).containsEntry("ETag", "\"2\"");
        assertThat(function.invoke(withIfMatch(event("preferences-put"), "\"2\"")).getStatusCode()).isEqualTo(200);
    }
}
