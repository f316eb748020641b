package com.kin.users;

import static com.kin.users.UserData.SAMPLE;
import static com.kin.testing.LambdaEvents.as;
import static com.kin.users.UserRequests.event;
import static com.kin.users.UserRequests.withBody;
import static com.kin.users.UsersFunction.cacheSource;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.kin.cache.CacheKey;
import com.kin.cache.CacheKind;
import com.kin.cache.TwoTierCache;
import com.kin.cache.testing.CacheProbe;
import com.kin.testing.CacheTagVersions;
import com.kin.testing.LambdaEvents;
import com.kin.testing.LocalDynamoDb;
import com.kin.testing.SampleUsers;
import com.kin.testing.TestDatabase;
import io.micronaut.json.tree.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The users function through the two-tier cache, on one instance: repeated reads come from L1, and every write is seen by
 * the next read at once (the session, preferences, one user, and the lists of every department the user was or is in).
 */
class UsersCacheIT {

    static final UUID SUPPORT_MANAGER = UUID.fromString("25000000-0000-4000-8000-000000000003");

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
        data.user(SUPPORT_MANAGER, "support.manager@kin.local", "manager", "support", true);
    }

    @Test
    void me_secondReadIsL1_andAPreferencesWriteIsSeenAtOnce() {
        APIGatewayV2HTTPResponse first = function.invoke(event("me"));
        APIGatewayV2HTTPResponse second = function.invoke(event("me"));
        function.invoke(event("preferences-get"));
        APIGatewayV2HTTPResponse cachedPreferences = function.invoke(event("preferences-get"));

        assertThat(function.invoke(event("preferences-put")).getStatusCode()).isEqualTo(200);
        APIGatewayV2HTTPResponse meAfter = function.invoke(event("me"));
        APIGatewayV2HTTPResponse preferencesAfter = function.invoke(event("preferences-get"));

        assertThat(cacheSource(first)).isEqualTo("miss");
        assertThat(cacheSource(second)).isEqualTo("l1");
        assertThat(cacheSource(cachedPreferences)).isEqualTo("l1");
        assertThat(meAfter.getHeaders()).containsEntry("x-cache", "miss").containsEntry("ETag", "\"2\"");
        assertThat(preferencesAfter.getHeaders()).containsEntry("x-cache", "miss").containsEntry("ETag", "\"2\"");
        assertThat(function.body(preferencesAfter).get("theme").getStringValue()).isEqualTo("dark");
    }

    @Test
    void get_cachedUser_isReplacedByAnUpdateAtOnce() {
        function.invoke(event("get"));
        APIGatewayV2HTTPResponse cached = function.invoke(event("get"));

        function.invoke(event("update"));
        APIGatewayV2HTTPResponse after = function.invoke(event("get"));

        assertThat(cacheSource(cached)).isEqualTo("l1");
        assertThat(after.getHeaders()).containsEntry("x-cache", "miss").containsEntry("ETag", "\"2\"");
        assertThat(function.body(after).get("department").getStringValue()).isEqualTo("support");
    }

    @Test
    void departmentChange_invalidatesTheListsOfTheOldAndTheNewDepartment() {
        assertThat(emails(listAs(SampleUsers.MANAGER, "sales"))).contains("Sam.Sample@kin.local");
        assertThat(emails(listAs(SUPPORT_MANAGER, "support"))).doesNotContain("Sam.Sample@kin.local");
        assertThat(cacheSource(function.invoke(listEvent(SampleUsers.MANAGER, "sales")))).isEqualTo("l1");
        assertThat(cacheSource(function.invoke(listEvent(SUPPORT_MANAGER, "support")))).isEqualTo("l1");

        assertThat(function.invoke(event("update")).getStatusCode()).isEqualTo(200);

        APIGatewayV2HTTPResponse sales = function.invoke(listEvent(SampleUsers.MANAGER, "sales"));
        APIGatewayV2HTTPResponse support = function.invoke(listEvent(SUPPORT_MANAGER, "support"));
        assertThat(cacheSource(sales)).isEqualTo("miss");
        assertThat(cacheSource(support)).isEqualTo("miss");
        assertThat(emails(function.body(sales))).doesNotContain("Sam.Sample@kin.local");
        assertThat(emails(function.body(support))).contains("Sam.Sample@kin.local");
    }

    @Test
    void departmentChange_makesEveryResourcesListsOfBothDepartmentsStale_inOtherFunctionsToo() {
        TwoTierCache cache = function.bean(TwoTierCache.class);
        CacheKey salesContacts = CacheProbe.key(CacheKind.CONTACT_LIST, "sales", Set.of("contacts:list:dept:sales"));
        CacheKey billingContacts = CacheProbe.key(CacheKind.CONTACT_LIST, "billing", Set.of("contacts:list:dept:billing"));
        CacheProbe.load(cache, salesContacts, billingContacts);
        CacheTagVersions before = CacheTagVersions.of(function.tables().cache());

        assertThat(function.invoke(event("update")).getStatusCode()).isEqualTo(200);

        assertThat(CacheTagVersions.of(function.tables().cache()).changedSince(before)).contains(
                "contacts:list:dept:sales", "contacts:list:dept:support", "calls:list:dept:sales",
                "messages:list:dept:support", "voicemails:list:dept:sales", "voicemails:list:user:" + SAMPLE)
                .doesNotContain("contacts:list:dept:billing", "contacts:list:admin");
        try (UsersFunction contactsInstance = new UsersFunction(db, LocalDynamoDb.instance(), function.tables().cache(),
                function.tables().idempotency())) {
            CacheProbe.assertStaleEverywhere(cache, contactsInstance.bean(TwoTierCache.class), salesContacts,
                    billingContacts);
        }
    }

    @Test
    void profileChangeWithinTheDepartment_leavesOtherResourcesListsAlone() {
        CacheTagVersions before = CacheTagVersions.of(function.tables().cache());

        assertThat(function.invoke(withBody(event("update"), "{\"name\": \"Sam Renamed\"}")).getStatusCode())
                .isEqualTo(200);

        assertThat(CacheTagVersions.of(function.tables().cache()).changedSince(before))
                .noneMatch(tag -> tag.startsWith("contacts:") || tag.startsWith("voicemails:"));
    }

    @Test
    void create_isInTheNextListRead() {
        function.invoke(withQuery("limit=50"));
        assertThat(cacheSource(function.invoke(withQuery("limit=50")))).isEqualTo("l1");

        assertThat(function.invoke(event("create")).getStatusCode()).isEqualTo(201);
        APIGatewayV2HTTPResponse after = function.invoke(withQuery("limit=50"));

        assertThat(cacheSource(after)).isEqualTo("miss");
        assertThat(emails(function.body(after))).contains("carol@kin.local");
    }

    @Test
    void create_retriedWithTheSameIdempotencyKey_createsOneUser() {
        APIGatewayV2HTTPResponse created = function.invoke(withIdempotencyKey(event("create"), "create-carol-1"));
        APIGatewayV2HTTPResponse replayed = function.invoke(withIdempotencyKey(event("create"), "create-carol-1"));

        assertThat(created.getStatusCode()).as(created.getBody()).isEqualTo(201);
        assertThat(replayed.getStatusCode()).isEqualTo(201);
        assertThat(replayed.getBody()).isEqualTo(created.getBody());
        assertThat(replayed.getHeaders()).containsEntry("idempotent-replayed", "true");
        assertThat(data.value("select count(*) from users where email = 'carol@kin.local'")).isEqualTo(1L);
    }

    @Test
    void create_sameIdempotencyKeyWithAnotherBody_returns422AndCreatesNothingMore() {
        function.invoke(withIdempotencyKey(event("create"), "create-carol-2"));

        APIGatewayV2HTTPResponse other = function.invoke(withIdempotencyKey(withBody(event("create"),
                "{\"email\": \"dan@kin.local\", \"name\": \"Dan\", \"role\": \"agent\"}"), "create-carol-2"));

        function.assertProblem(other, 422, null);
        assertThat(data.value("select count(*) from users where email = 'dan@kin.local'")).isEqualTo(0L);
    }

    private APIGatewayV2HTTPEvent listEvent(UUID manager, String department) {
        return LambdaEvents.withQuery(as(event("list"), manager, "manager", department), "limit=50");
    }

    private JsonNode listAs(UUID manager, String department) {
        APIGatewayV2HTTPResponse response = function.invoke(listEvent(manager, department));
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(200);
        return function.body(response);
    }

    /** The admin's list of events/users/list.json with {@code rawQuery} instead of its own. */
    private static APIGatewayV2HTTPEvent withQuery(String rawQuery) {
        return LambdaEvents.withQuery(event("list"), rawQuery);
    }

    private static APIGatewayV2HTTPEvent withIdempotencyKey(APIGatewayV2HTTPEvent event, String key) {
        event.getHeaders().put("idempotency-key", key);
        return event;
    }

    private static List<String> emails(JsonNode page) {
        List<String> emails = new ArrayList<>();
        page.get("items").values().forEach(user -> emails.add(user.get("email").getStringValue()));
        return emails;
    }
}
