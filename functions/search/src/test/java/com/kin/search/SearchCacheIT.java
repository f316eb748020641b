package com.kin.search;

import static com.kin.search.SearchFunction.cacheSource;
import static com.kin.search.SearchRequests.search;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.kin.cache.CacheTags;
import com.kin.cache.TwoTierCache;
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

/**
 * Searches through the two-tier cache: a repeated search comes from L1; an entry is shared only by callers who see the
 * same rows; and it is invalidated by exactly the list tags the writers of contacts, messages and voicemails invalidate
 * (called here as those functions call them, after a write made with plain JDBC).
 */
class SearchCacheIT {

    static TestDatabase db;
    static SearchData data;
    SearchFunction function;

    @BeforeAll
    static void start() {
        db = TestDatabase.get();
        data = new SearchData(db);
    }

    @AfterEach
    void stop() {
        function.close();
    }

    /** Each test gets a fresh instance and a fresh table: the database is reset under the cache's feet between tests. */
    @BeforeEach
    void scene() {
        function = SearchFunction.fresh(db);
        db.truncateAll();
        SampleUsers.insert(db.dataSource());
        UUID wile = data.contact(SampleUsers.AGENT1, "Wile", "Coyote", "Acme Corp");
        data.message(SampleUsers.AGENT1, wile, "The anvil order shipped today");
        data.voicemail(null, "sales", "Calling about the anvil delivery");
        data.contact(SampleUsers.AGENT2, "Road", "Runner", "Anvil Watchers Club");
    }

    @Test
    void repeatedSearch_isServedFromL1() {
        APIGatewayV2HTTPResponse first = agent1("q=anvil");
        APIGatewayV2HTTPResponse second = agent1("q=anvil");

        assertThat(cacheSource(first)).isEqualTo("miss");
        assertThat(cacheSource(second)).isEqualTo("l1");
        assertThat(second.getBody()).isEqualTo(first.getBody());
    }

    @Test
    void contactsWrite_invalidatesACachedSearch_throughTheContactListTags() {
        assertThat(ids(agent1("q=anvil"), "contacts")).isEmpty();
        UUID anvilWorks = data.contact(SampleUsers.AGENT1, "Ann", "Vilnius", "Anvil Works");
        APIGatewayV2HTTPResponse beforeInvalidation = agent1("q=anvil");

        cache().invalidate(CacheTags.listsShowing("contacts", SampleUsers.AGENT1, "sales"));
        APIGatewayV2HTTPResponse after = agent1("q=anvil");

        assertThat(cacheSource(beforeInvalidation)).isEqualTo("l1");
        assertThat(ids(beforeInvalidation, "contacts")).isEmpty();
        assertThat(cacheSource(after)).isEqualTo("miss");
        assertThat(ids(after, "contacts")).containsExactly(anvilWorks);
    }

    @Test
    void contactsWrite_reachesTheDepartmentsManagersAndAdmins_notOtherDepartments() {
        invoke(SampleUsers.MANAGER, "manager", "sales", "q=anvil");
        invoke(SampleUsers.ADMIN, "admin", null, "q=anvil");
        invoke(SampleUsers.AGENT2, "agent", "support", "q=anvil");

        cache().invalidate(CacheTags.listsShowing("contacts", SampleUsers.AGENT1, "sales"));

        assertThat(cacheSource(invoke(SampleUsers.MANAGER, "manager", "sales", "q=anvil"))).isEqualTo("miss");
        assertThat(cacheSource(invoke(SampleUsers.ADMIN, "admin", null, "q=anvil"))).isEqualTo("miss");
        assertThat(cacheSource(invoke(SampleUsers.AGENT2, "agent", "support", "q=anvil"))).isEqualTo("l1");
    }

    @Test
    void messageWrite_invalidatesThroughTheMessageListTags() {
        agent1("q=anvil");

        cache().invalidate(CacheTags.listsShowing("messages", SampleUsers.AGENT1, "sales"));

        assertThat(cacheSource(agent1("q=anvil"))).isEqualTo("miss");
    }

    @Test
    void unassignedVoicemailWrite_invalidatesTheSearchesOfItsDepartmentsAgents() {
        agent1("q=anvil");
        invoke(SampleUsers.AGENT2, "agent", "support", "q=anvil");
        UUID queued = data.voicemail(null, "sales", "A second anvil question");

        cache().invalidate(CacheTags.listsShowingWorkItem("voicemails", null, null, "sales"));
        APIGatewayV2HTTPResponse after = agent1("q=anvil");

        assertThat(cacheSource(after)).isEqualTo("miss");
        assertThat(ids(after, "voicemails")).contains(queued);
        assertThat(cacheSource(invoke(SampleUsers.AGENT2, "agent", "support", "q=anvil"))).isEqualTo("l1");
    }

    @Test
    void entries_areSharedOnlyByCallersWhoSeeTheSameRows() {
        invoke(SampleUsers.MANAGER, "manager", "sales", "q=anvil");
        APIGatewayV2HTTPResponse otherSalesManager = invoke(UUID.randomUUID(), "manager", "sales", "q=ANVIL");
        APIGatewayV2HTTPResponse agent = agent1("q=anvil");
        APIGatewayV2HTTPResponse agentInAnotherQueue = invoke(SampleUsers.AGENT1, "agent", "support", "q=anvil");
        APIGatewayV2HTTPResponse otherLimit = agent1("q=anvil&limit=1");

        assertThat(cacheSource(otherSalesManager)).isEqualTo("l1");
        assertThat(cacheSource(agent)).isEqualTo("miss");
        assertThat(cacheSource(agentInAnotherQueue)).isEqualTo("miss");
        assertThat(ids(agentInAnotherQueue, "voicemails")).isEmpty();
        assertThat(cacheSource(otherLimit)).isEqualTo("miss");
    }

    private APIGatewayV2HTTPResponse agent1(String rawQuery) {
        return invoke(SampleUsers.AGENT1, "agent", "sales", rawQuery);
    }

    private APIGatewayV2HTTPResponse invoke(UUID userId, String role, String department, String rawQuery) {
        APIGatewayV2HTTPResponse response = function.invoke(search(userId, role, department, rawQuery));
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(200);
        return response;
    }

    private TwoTierCache cache() {
        return function.bean(TwoTierCache.class);
    }

    private List<UUID> ids(APIGatewayV2HTTPResponse response, String group) {
        JsonNode results = function.body(response);
        List<UUID> ids = new ArrayList<>();
        results.get(group).values().forEach(item -> ids.add(UUID.fromString(item.get("id").getStringValue())));
        return ids;
    }
}
