package com.kin.search;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.kin.testing.LambdaEvents;
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
 * {@code GET /api/search} through the real handler, fed events/search/search.json, per role, against real Postgres. The
 * scene: agent1 (sales) and agent2 (support) each have contacts and messages; voicemails are assigned to agent1, waiting
 * unassigned in the sales queue, and assigned to agent2; one inbound SMS came from an unknown number and nobody took it.
 */
class SearchHandlerIT {

    static TestDatabase db;
    static SearchData data;
    SearchFunction function;

    UUID strongMatch;
    UUID weakMatch;
    UUID otherAgentsMessage;
    UUID strangersMessage;
    UUID myVoicemail;
    UUID salesQueueVoicemail;
    UUID supportVoicemail;

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
        UUID road = data.contact(SampleUsers.AGENT2, "Road", "Runner", "Acme Corp");
        strongMatch = data.message(SampleUsers.AGENT1, wile, "Invoice reminder: the invoice for the invoice run is due");
        weakMatch = data.message(SampleUsers.AGENT1, wile, "Your anvil shipped, invoice attached, see the tracking link below");
        otherAgentsMessage = data.message(SampleUsers.AGENT2, road, "Invoice overdue");
        strangersMessage = data.message(null, null, "Question about an invoice");
        myVoicemail = data.voicemail(SampleUsers.AGENT1, "sales", "Please call me back about my invoice");
        salesQueueVoicemail = data.voicemail(null, "sales", "The invoice is missing a line");
        supportVoicemail = data.voicemail(SampleUsers.AGENT2, "support", "Invoice question for support");
    }

    @Test
    void agent_findsOnlyWhatItMaySee_groupedAndRankedBestFirst() {
        APIGatewayV2HTTPResponse response = function.invoke(LambdaEvents.http("search/search.json"));

        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(200);
        JsonNode results = function.body(response);
        assertThat(results.get("query").getStringValue()).isEqualTo("invoice");
        assertThat(ids(results, "messages")).containsExactly(strongMatch, weakMatch);
        assertThat(ids(results, "voicemails")).containsExactlyInAnyOrder(myVoicemail, salesQueueVoicemail);
        assertThat(results.get("contacts").size()).isZero();
        JsonNode best = results.get("messages").get(0);
        assertThat(best.get("score").getDoubleValue())
                .isGreaterThan(results.get("messages").get(1).get("score").getDoubleValue());
    }

    @Test
    void manager_seesItsDepartment_adminSeesEverything() {
        JsonNode manager = search(SampleUsers.MANAGER, "manager", "sales", "q=invoice");
        assertThat(ids(manager, "messages")).containsExactlyInAnyOrder(strongMatch, weakMatch);
        assertThat(ids(manager, "voicemails")).containsExactlyInAnyOrder(myVoicemail, salesQueueVoicemail);

        JsonNode admin = search(SampleUsers.ADMIN, "admin", null, "q=invoice&limit=20");
        assertThat(ids(admin, "messages"))
                .containsExactlyInAnyOrder(strongMatch, weakMatch, otherAgentsMessage, strangersMessage);
        assertThat(ids(admin, "voicemails")).containsExactlyInAnyOrder(myVoicemail, salesQueueVoicemail, supportVoicemail);
    }

    @Test
    void contacts_matchAnySubstring_wholeWordMatchesRankFirst_onlyTheCallersOwn() {
        UUID smithers = data.contact(SampleUsers.AGENT1, "Ann", "Smithers", null);
        UUID smith = data.contact(SampleUsers.AGENT1, "John", "Smith", "Smith & Sons Hardware Supplies");
        data.contact(SampleUsers.AGENT2, "Jane", "Smith", null);

        JsonNode results = search(SampleUsers.AGENT1, "agent", "sales", "q=Smith");

        assertThat(ids(results, "contacts")).containsExactly(smith, smithers);
        assertThat(results.get("contacts").get(0).get("organization").getStringValue()).startsWith("Smith & Sons");
    }

    @Test
    void contacts_likeWildcardsInTheQuery_matchOnlyThemselves() {
        UUID organic = data.contact(SampleUsers.AGENT1, "Olive", "Grove", "100% Organic");
        data.contact(SampleUsers.AGENT1, "Percy", "Plain", "1000 Organic Farms");

        assertThat(ids(search(SampleUsers.AGENT1, "agent", "sales", "q=100%25"), "contacts")).containsExactly(organic);
    }

    @Test
    void search_runsOneStatementPerKind_twoWhenTooShortForContacts_noneWhenCached() {
        assertThat(function.statementsRunBy(LambdaEvents.http("search/search.json"))).isEqualTo(3);

        APIGatewayV2HTTPEvent shortQuery = query(LambdaEvents.http("search/search.json"), "q=me");
        assertThat(function.statementsRunBy(shortQuery)).isEqualTo(2);
        assertThat(function.statementsRunBy(LambdaEvents.http("search/search.json"))).isZero();
    }

    @Test
    void limit_capsEachGroup_andEmptyGroupsArePresent() {
        JsonNode capped = search(SampleUsers.ADMIN, "admin", null, "q=invoice&limit=1");
        assertThat(capped.get("messages").size()).isEqualTo(1);
        assertThat(capped.get("voicemails").size()).isEqualTo(1);

        JsonNode nothing = search(SampleUsers.ADMIN, "admin", null, "q=zebra");
        assertThat(nothing.get("contacts").isArray()).isTrue();
        assertThat(nothing.get("messages").size()).isZero();
        assertThat(nothing.get("voicemails").size()).isZero();
    }

    @Test
    void queryWithoutWords_findsNothing_withoutFailing() {
        JsonNode results = search(SampleUsers.ADMIN, "admin", null, "q=%21%3F%21");

        assertThat(results.get("messages").size()).isZero();
        assertThat(results.get("voicemails").size()).isZero();
    }

    @Test
    void badInput_returns400WithEveryField() {
        APIGatewayV2HTTPEvent bad = query(LambdaEvents.http("search/search.json"), "q=x&limit=21");
        JsonNode errors = function.assertProblem(function.invoke(bad), 400, null).get("errors");
        assertThat(errors.get("q")).isNotNull();
        assertThat(errors.get("limit")).isNotNull();

        function.assertProblem(function.invoke(query(LambdaEvents.http("search/search.json"), "")), 400, "q");
        function.assertProblem(function.invoke(query(LambdaEvents.http("search/search.json"),
                "q=" + "a".repeat(101))), 400, "q");
        function.assertProblem(function.invoke(query(LambdaEvents.http("search/search.json"),
                "q=invoice&limit=five")), 400, "limit");
    }

    @Test
    void withoutClaims_returns401() {
        APIGatewayV2HTTPEvent event = LambdaEvents.http("search/search.json");
        event.getRequestContext().setAuthorizer(null);

        function.assertProblem(function.invoke(event), 401, null);
    }

    private JsonNode search(UUID userId, String role, String department, String rawQuery) {
        APIGatewayV2HTTPResponse response = function.invoke(SearchRequests.search(userId, role, department, rawQuery));
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(200);
        return function.body(response);
    }

    private static APIGatewayV2HTTPEvent query(APIGatewayV2HTTPEvent event, String rawQuery) {
        return SearchRequests.query(event, rawQuery);
    }

    private static List<UUID> ids(JsonNode results, String group) {
        List<UUID> ids = new ArrayList<>();
        results.get(group).values().forEach(item -> ids.add(UUID.fromString(item.get("id").getStringValue())));
        return ids;
    }
}
