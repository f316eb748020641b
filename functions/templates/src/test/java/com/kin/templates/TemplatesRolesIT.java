package com.kin.templates;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.kin.testing.SampleCaller;
import com.kin.testing.SampleUsers;
import com.kin.testing.TestDatabase;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every template route as each role (the sample users: agent 1 and the manager in sales, the admin without a department)
 * through the real handler, fed the events/templates samples: everyone reads, managers and admins write.
 */
class TemplatesRolesIT {

    static final UUID T1 = TemplatesHandlerIT.T1;

    static TestDatabase db;
    static TemplateRows rows;
    TemplatesFunction function;

    @BeforeAll
    static void start() {
        db = TestDatabase.get();
        rows = new TemplateRows(db);
    }

    /** Each test gets a fresh instance and fresh tables: the database is reset under the cache's feet between tests. */
    @BeforeEach
    void seed() {
        function = TemplatesFunction.fresh(db);
        db.truncateAll();
        SampleUsers.insert(db.dataSource());
        rows.insert(T1, "Appointment", "Hi {{firstName}}, see you on {{date}}.", "firstName", "date");
        rows.insert(TemplatesHandlerIT.T2, "Thanks", "Thanks for calling us!");
    }

    @AfterEach
    void stop() {
        function.close();
    }

    @ParameterizedTest
    @EnumSource(value = SampleCaller.class, names = {"AGENT1", "MANAGER", "ADMIN"})
    void listAndGet_everyRoleReadsEveryTemplate(SampleCaller caller) {
        APIGatewayV2HTTPResponse list = function.invoke(caller.event("templates/list.json"));
        APIGatewayV2HTTPResponse get = function.invoke(caller.event("templates/get.json"));

        assertThat(list.getStatusCode()).as(list.getBody()).isEqualTo(200);
        assertThat(function.body(list).get("items").size()).isEqualTo(2);
        assertThat(get.getStatusCode()).as(get.getBody()).isEqualTo(200);
        assertThat(get.getHeaders()).containsEntry("ETag", "\"1\"");
        assertThat(function.body(get).get("id").getStringValue()).isEqualTo(T1.toString());
    }

    @ParameterizedTest
    @EnumSource(value = SampleCaller.class, names = {"AGENT1", "MANAGER", "ADMIN"})
    void create_managersAndAdminsOnly_agentsGet403AndWriteNothing(SampleCaller caller) {
        APIGatewayV2HTTPResponse response = function.invoke(caller.event("templates/create.json"));

        if (edits(caller)) {
            assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(201);
            assertThat(function.body(response).get("createdBy").getStringValue()).isEqualTo(caller.userId().toString());
            assertThat(rows.count()).isEqualTo(3);
        } else {
            function.assertProblem(response, 403, null);
            assertThat(rows.count()).isEqualTo(2);
        }
    }

    @ParameterizedTest
    @EnumSource(value = SampleCaller.class, names = {"AGENT1", "MANAGER", "ADMIN"})
    void update_managersAndAdminsOnly_agentsGet403AndChangeNothing(SampleCaller caller) {
        APIGatewayV2HTTPResponse response = function.invoke(caller.event("templates/update.json"));

        if (edits(caller)) {
            assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(200);
            assertThat(response.getHeaders()).containsEntry("ETag", "\"2\"");
            assertThat(rows.versionOf(T1)).isEqualTo(2);
        } else {
            function.assertProblem(response, 403, null);
            assertThat(rows.versionOf(T1)).isEqualTo(1);
        }
    }

    @ParameterizedTest
    @EnumSource(value = SampleCaller.class, names = {"AGENT1", "MANAGER", "ADMIN"})
    void delete_managersAndAdminsOnly_agentsGet403AndKeepTheTemplate(SampleCaller caller) {
        APIGatewayV2HTTPResponse response = function.invoke(caller.event("templates/delete.json"));

        if (edits(caller)) {
            assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(204);
            assertThat(rows.count()).isEqualTo(1);
            function.assertProblem(function.invoke(caller.event("templates/get.json")), 404, null);
        } else {
            function.assertProblem(response, 403, null);
            assertThat(rows.count()).isEqualTo(2);
        }
    }

    /** Managers and admins write templates; agents only read them. */
    private static boolean edits(SampleCaller caller) {
        return !caller.role().equals("agent");
    }
}
