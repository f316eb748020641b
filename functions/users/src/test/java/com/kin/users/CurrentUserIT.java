package com.kin.users;

import static com.kin.testing.LambdaEvents.as;
import static com.kin.users.UserRequests.event;
import static com.kin.users.UserRequests.withBody;
import static com.kin.users.UserRequests.withIfMatch;
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

/** The caller's own record and preferences through the real handler, fed events/users samples, against real Postgres. */
class CurrentUserIT {

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
    }

    @Test
    void me_returnsTheCallersRecordWithETag_inOneStatement_thenFromL1() {
        assertThat(function.statementsRunBy(event("me"))).isEqualTo(1);

        APIGatewayV2HTTPResponse response = function.invoke(event("me"));

        assertThat(response.getStatusCode()).isEqualTo(200);
        assertThat(response.getHeaders()).containsEntry("ETag", "\"1\"").containsEntry("x-cache", "l1");
        JsonNode me = function.body(response);
        assertThat(me.get("id").getStringValue()).isEqualTo(SampleUsers.AGENT1.toString());
        assertThat(me.get("email").getStringValue()).isEqualTo("agent1@kin.local");
        assertThat(me.get("role").getStringValue()).isEqualTo("agent");
        assertThat(me.get("department").getStringValue()).isEqualTo("sales");
        assertThat(me.get("active").getBooleanValue()).isTrue();
        assertThat(function.statementsRunBy(event("me"))).isZero();
    }

    @Test
    void me_subjectWithoutUserRow_returns404() {
        function.assertProblem(function.invoke(as(event("me"), UUID.randomUUID(), "agent", "sales")), 404, null);
    }

    @Test
    void me_deactivatedUser_returns403() {
        data.execute("update users set active = false where id = ?", SampleUsers.AGENT1);

        function.assertProblem(function.invoke(event("me")), 403, null);
        function.assertProblem(function.invoke(event("preferences-get")), 403, null);
        function.assertProblem(function.invoke(event("preferences-put")), 403, null);
    }

    @Test
    void me_withoutClaims_returns401() {
        APIGatewayV2HTTPEvent event = event("me");
        event.getRequestContext().setAuthorizer(null);

        function.assertProblem(function.invoke(event), 401, null);
    }

    @Test
    void preferences_ofANewUser_areTheDefaults_everyFieldPresent_oneStatementThenFromL1() {
        function.invoke(event("me"));
        assertThat(function.statementsRunBy(event("preferences-get"))).isEqualTo(1);

        APIGatewayV2HTTPResponse response = function.invoke(event("preferences-get"));

        assertThat(response.getStatusCode()).isEqualTo(200);
        assertThat(response.getHeaders()).containsEntry("ETag", "\"1\"").containsEntry("x-cache", "l1");
        JsonNode preferences = function.body(response);
        assertThat(preferences.get("timezone").getStringValue()).isEqualTo("UTC");
        assertThat(preferences.get("language").getStringValue()).isEqualTo("en-US");
        assertThat(preferences.get("theme").getStringValue()).isEqualTo("system");
        assertThat(preferences.get("pageSize").getIntValue()).isEqualTo(25);
        assertThat(preferences.get("defaultVoicemailQueue").getStringValue()).isEqualTo("mine");
        JsonNode notifications = preferences.get("notifications");
        assertThat(notifications.get("email").getBooleanValue()).isTrue();
        assertThat(notifications.get("sms").getBooleanValue()).isFalse();
        assertThat(notifications.get("voicemailDigest").getStringValue()).isEqualTo("off");
        assertThat(function.statementsRunBy(event("preferences-get"))).isZero();
    }

    @Test
    void putPreferences_replacesTheDocument_bumpsTheVersion_inOneStatement() {
        APIGatewayV2HTTPResponse response = function.invoke(event("preferences-put"));

        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(200);
        assertThat(response.getHeaders()).containsEntry("ETag", "\"2\"");
        JsonNode read = function.body(function.invoke(event("preferences-get")));
        assertThat(read.get("timezone").getStringValue()).isEqualTo("Europe/Paris");
        assertThat(read.get("language").getStringValue()).isEqualTo("fr-FR");
        assertThat(read.get("pageSize").getIntValue()).isEqualTo(50);
        assertThat(read.get("notifications").get("email").getBooleanValue()).isFalse();
        assertThat(read.get("notifications").get("voicemailDigest").getStringValue()).isEqualTo("weekly");
        assertThat(data.value("select preferences ->> 'theme' from users where id = ?", SampleUsers.AGENT1))
                .isEqualTo("dark");
        assertThat(function.statementsRunBy(withIfMatch(event("preferences-put"), "\"2\""))).isEqualTo(1);
    }

    @Test
    void putPreferences_fieldsLeftOut_takeTheirDefaults() {
        function.invoke(event("preferences-put"));

        APIGatewayV2HTTPResponse response = function.invoke(withIfMatch(withBody(event("preferences-put"),
                "{\"theme\": \"light\", \"language\": \"en-gb\", \"notifications\": {\"sms\": true}}"), "\"2\""));

        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(200);
        JsonNode saved = function.body(response);
        assertThat(saved.get("theme").getStringValue()).isEqualTo("light");
        assertThat(saved.get("language").getStringValue()).isEqualTo("en-GB");
        assertThat(saved.get("timezone").getStringValue()).isEqualTo("UTC");
        assertThat(saved.get("pageSize").getIntValue()).isEqualTo(25);
        assertThat(saved.get("notifications").get("sms").getBooleanValue()).isTrue();
        assertThat(saved.get("notifications").get("email").getBooleanValue()).isTrue();
    }

    @Test
    void putPreferences_invalidAndUnknownFields_return400WithEveryField_andWriteNothing() {
        APIGatewayV2HTTPResponse response = function.invoke(withBody(event("preferences-put"),
                "{\"timezone\": \"+02:00\", \"language\": \"not a tag\", \"theme\": \"neon\", \"pageSize\": 5,"
                        + " \"defaultVoicemailQueue\": \"all\", \"fontSize\": 12,"
                        + " \"notifications\": {\"desktop\": \"yes\", \"voicemailDigest\": \"hourly\", \"pager\": true}}"));

        JsonNode errors = function.assertProblem(response, 400, null).get("errors");
        assertThat(errors.get("timezone")).isNotNull();
        assertThat(errors.get("language")).isNotNull();
        assertThat(errors.get("theme")).isNotNull();
        assertThat(errors.get("pageSize")).isNotNull();
        assertThat(errors.get("defaultVoicemailQueue")).isNotNull();
        assertThat(errors.get("fontSize").getStringValue()).isEqualTo("unknown field");
        assertThat(errors.get("notifications.desktop")).isNotNull();
        assertThat(errors.get("notifications.voicemailDigest")).isNotNull();
        assertThat(errors.get("notifications.pager").getStringValue()).isEqualTo("unknown field");
        assertThat(data.version(SampleUsers.AGENT1)).isEqualTo(1);
    }

    @Test
    void putPreferences_notAnObject_returns400() {
        function.assertProblem(function.invoke(withBody(event("preferences-put"), "[\"dark\"]")), 400, null);
        function.assertProblem(function.invoke(withBody(event("preferences-put"), "{\"theme\": ")), 400, null);
        assertThat(data.version(SampleUsers.AGENT1)).isEqualTo(1);
    }

    @Test
    void putPreferences_staleIfMatch_returns412AndChangesNothing() {
        function.invoke(event("preferences-put"));

        APIGatewayV2HTTPResponse stale = function.invoke(withBody(event("preferences-put"), "{\"theme\": \"light\"}"));

        function.assertProblem(stale, 412, null);
        assertThat(data.value("select preferences ->> 'theme' from users where id = ?", SampleUsers.AGENT1))
                .isEqualTo("dark");
        assertThat(data.version(SampleUsers.AGENT1)).isEqualTo(2);
    }

    @Test
    void putPreferences_bumpsTheVersionMeReports() {
        function.invoke(event("preferences-put"));

        assertThat(function.invoke(event("me")).getHeaders()).containsEntry("ETag", "\"2\"");
    }

    @Test
    void storedDocument_withRetiredOrInvalidFields_readsThoseAsDefaults() {
        data.execute("update users set preferences = cast(? as jsonb) where id = ?",
                "{\"theme\": \"neon\", \"pageSize\": 40, \"legacyLayout\": true, \"notifications\": \"all\"}",
                SampleUsers.AGENT1);

        JsonNode preferences = function.body(function.invoke(event("preferences-get")));

        assertThat(preferences.get("theme").getStringValue()).isEqualTo("system");
        assertThat(preferences.get("pageSize").getIntValue()).isEqualTo(40);
        assertThat(preferences.get("notifications").get("desktop").getBooleanValue()).isTrue();
    }
}
