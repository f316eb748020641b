package com.kin.users;

import static com.kin.testing.LambdaEvents.as;
import static com.kin.users.UserRequests.event;
import static com.kin.users.UserRequests.forUser;
import static com.kin.users.UserRequests.withBody;
import static com.kin.users.UsersFunction.cacheSource;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.kin.testing.LocalDynamoDb;
import com.kin.testing.SampleUsers;
import com.kin.testing.TestDatabase;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A deactivated user is refused (403) on every users route, although its token is still valid: through the cached
 * session, at once on the instance that wrote the deactivation and within the staleness bound on another one.
 */
class DeactivatedCallerIT {

    /** A second admin, so that one admin can deactivate another (an admin may not deactivate itself). */
    static final UUID OTHER_ADMIN = UUID.fromString("25000000-0000-4000-8000-000000000004");
    private static final long STALENESS_BOUND_MS = 1_000;

    private final TestDatabase db = TestDatabase.get();
    private final UserData data = new UserData(db);
    private UsersFunction writer;
    private UsersFunction reader;

    /** Two instances with their own L1s over one fresh L2 table: the database is reset under the cache between tests. */
    @BeforeEach
    void start() {
        LocalDynamoDb dynamo = LocalDynamoDb.instance();
        String cacheTable = LocalDynamoDb.uniqueTableName("users-cache");
        String idempotencyTable = LocalDynamoDb.uniqueTableName("users-idem");
        dynamo.createCacheTable(cacheTable);
        dynamo.createCacheTable(idempotencyTable);
        writer = new UsersFunction(db, dynamo, cacheTable, idempotencyTable);
        reader = new UsersFunction(db, dynamo, cacheTable, idempotencyTable);
        db.truncateAll();
        SampleUsers.insert(db.dataSource());
        data.user(UserData.SAMPLE, "Sam.Sample@kin.local", "agent", "sales", true);
        data.user(OTHER_ADMIN, "other.admin@kin.local", "admin", null, true);
    }

    @AfterEach
    void stop() {
        writer.close();
        reader.close();
    }

    @Test
    void deactivatedCaller_isRefusedOnEveryRoute_atOnceOnTheWritingInstance() {
        assertThat(writer.invoke(asOtherAdmin(event("me"))).getStatusCode()).isEqualTo(200);
        assertThat(cacheSource(writer.invoke(asOtherAdmin(event("me"))))).isEqualTo("l1");

        assertThat(writer.invoke(deactivateOtherAdmin()).getStatusCode()).isEqualTo(200);

        for (APIGatewayV2HTTPEvent route : everyRouteAsOtherAdmin()) {
            APIGatewayV2HTTPResponse refused = writer.invoke(route);
            assertThat(writer.assertProblem(refused, 403, null).get("detail").getStringValue())
                    .as(route.getRouteKey()).contains("deactivated");
        }
        assertThat(data.value("select count(*) from users where email = 'carol@kin.local'")).isEqualTo(0L);
        assertThat(data.version(UserData.SAMPLE)).isEqualTo(1);
        assertThat(data.value("select preferences ->> 'theme' from users where id = ?", OTHER_ADMIN)).isNull();
    }

    @Test
    void deactivatedCaller_isRefusedByAnotherInstanceWithinTheStalenessBound() throws InterruptedException {
        assertThat(reader.invoke(asOtherAdmin(event("list"))).getStatusCode()).isEqualTo(200);
        assertThat(reader.invoke(asOtherAdmin(event("list"))).getStatusCode()).isEqualTo(200);

        assertThat(writer.invoke(deactivateOtherAdmin()).getStatusCode()).isEqualTo(200);
        Thread.sleep(STALENESS_BOUND_MS + 100);

        reader.assertProblem(reader.invoke(asOtherAdmin(event("list"))), 403, null);
        reader.assertProblem(reader.invoke(asOtherAdmin(event("me"))), 403, null);
    }

    @Test
    void callerWithoutAUserRecord_isRefusedOnAdministrationRoutes() {
        APIGatewayV2HTTPEvent stranger = as(event("list"), UUID.randomUUID(), "admin", null);

        writer.assertProblem(writer.invoke(stranger), 403, null);
    }

    private static APIGatewayV2HTTPEvent deactivateOtherAdmin() {
        return forUser(event("deactivate"), OTHER_ADMIN);
    }

    private static List<APIGatewayV2HTTPEvent> everyRouteAsOtherAdmin() {
        return List.of(
                asOtherAdmin(event("me")),
                asOtherAdmin(event("preferences-get")),
                asOtherAdmin(event("preferences-put")),
                asOtherAdmin(event("list")),
                asOtherAdmin(event("get")),
                asOtherAdmin(event("create")),
                asOtherAdmin(withBody(event("update"), "{\"name\": \"Changed\"}")));
    }

    private static APIGatewayV2HTTPEvent asOtherAdmin(APIGatewayV2HTTPEvent event) {
        return as(event, OTHER_ADMIN, "admin", null);
    }
}
