package com.kin.contacts;

import static com.kin.contacts.ContactEvents.asManager;
import static com.kin.contacts.ContactEvents.bulk;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.kin.testing.SampleUsers;
import com.kin.testing.TestDatabase;
import io.micronaut.json.tree.JsonNode;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * POST /api/contacts/bulk for each action: every id gets a result (done, forbidden, not_found), and only the done ones
 * change. MINE and ALSO_MINE are agent1's (sales), THEIRS is agent2's (support), MISSING does not exist.
 */
class ContactsBulkIT {

    static final UUID MINE = UUID.fromString("30000000-0000-4000-8000-000000000001");
    static final UUID ALSO_MINE = UUID.fromString("30000000-0000-4000-8000-000000000002");
    static final UUID THEIRS = UUID.fromString("30000000-0000-4000-8000-000000000003");
    static final UUID MISSING = UUID.fromString("30000000-0000-4000-8000-000000000004");

    TestDatabase db;
    ContactRows rows;
    ContactsFunction function;

    @BeforeEach
    void start() {
        db = TestDatabase.get();
        function = ContactsFunction.fresh(db);
        db.truncateAll();
        SampleUsers.insert(db.dataSource());
        rows = new ContactRows(db);
        rows.insert(MINE, SampleUsers.AGENT1, "Wile", "vip", "lead");
        rows.insert(ALSO_MINE, SampleUsers.AGENT1, "Coyote", "lead");
        rows.insert(THEIRS, SampleUsers.AGENT2, "Road", "vip", "lead");
    }

    @AfterEach
    void stop() {
        function.close();
    }

    @Test
    void delete_removesOnlyTheCallersContacts_andReportsEveryId() {
        Map<UUID, String> results = run(bulk(body("delete", "")));

        assertThat(results).containsEntry(MINE, "done").containsEntry(ALSO_MINE, "done")
                .containsEntry(THEIRS, "forbidden").containsEntry(MISSING, "not_found");
        assertThat(rows.exists(MINE)).isFalse();
        assertThat(rows.exists(ALSO_MINE)).isFalse();
        assertThat(rows.exists(THEIRS)).isTrue();
    }

    @Test
    void removeTags_dropsTheTagsFromTheCallersContactsOnly() {
        Map<UUID, String> results = run(bulk(body("removeTags", ", \"tags\": [\"vip\", \"lead\"]")));

        assertThat(results).containsEntry(MINE, "done").containsEntry(THEIRS, "forbidden");
        assertThat(rows.tags(MINE)).isEmpty();
        assertThat(rows.tags(ALSO_MINE)).isEmpty();
        assertThat(rows.version(MINE)).isEqualTo(2);
        assertThat(rows.tags(THEIRS)).containsExactly("vip", "lead");
        assertThat(rows.version(THEIRS)).isEqualTo(1);
    }

    @Test
    void reassign_byManager_movesItsDepartmentsContacts_andReportsAnotherDepartmentsAsForbidden() {
        Map<UUID, String> results = run(asManager(bulk(body("reassign", ", \"ownerId\": \"" + SampleUsers.MANAGER + "\""))));

        assertThat(results).containsEntry(MINE, "done").containsEntry(ALSO_MINE, "done")
                .containsEntry(THEIRS, "forbidden").containsEntry(MISSING, "not_found");
        assertThat(rows.owner(MINE)).isEqualTo(SampleUsers.MANAGER);
        assertThat(rows.owner(ALSO_MINE)).isEqualTo(SampleUsers.MANAGER);
        assertThat(rows.owner(THEIRS)).isEqualTo(SampleUsers.AGENT2);
    }

    @Test
    void reassign_byAgentToItself_reportsAnotherAgentsIdAsForbidden() {
        Map<UUID, String> results = run(bulk(body("reassign", ", \"ownerId\": \"" + SampleUsers.AGENT1 + "\"")));

        assertThat(results).containsEntry(MINE, "done").containsEntry(THEIRS, "forbidden");
        assertThat(rows.owner(THEIRS)).isEqualTo(SampleUsers.AGENT2);
    }

    @Test
    void reassign_byAgentToAnotherUser_returns403AndChangesNothing() {
        APIGatewayV2HTTPResponse response = function.invoke(bulk(body("reassign",
                ", \"ownerId\": \"" + SampleUsers.AGENT2 + "\"")));

        function.assertProblem(response, 403, null);
        assertThat(rows.owner(MINE)).isEqualTo(SampleUsers.AGENT1);
        assertThat(rows.version(MINE)).isEqualTo(1);
    }

    @Test
    void results_comeInRequestOrder_withCounts() {
        APIGatewayV2HTTPResponse response = function.invoke(bulk(body("addTags", ", \"tags\": [\"follow-up\"]")));

        JsonNode result = function.body(response);
        assertThat(result.get("action").getStringValue()).isEqualTo("addTags");
        assertThat(result.get("results").get(0).get("id").getStringValue()).isEqualTo(MINE.toString());
        assertThat(result.get("results").get(3).get("id").getStringValue()).isEqualTo(MISSING.toString());
        assertThat(result.get("counts").get("done").getIntValue()).isEqualTo(2);
        assertThat(result.get("counts").get("forbidden").getIntValue()).isEqualTo(1);
        assertThat(result.get("counts").get("not_found").getIntValue()).isEqualTo(1);
        assertThat(rows.tags(MINE)).containsExactly("vip", "lead", "follow-up");
    }

    private Map<UUID, String> run(APIGatewayV2HTTPEvent event) {
        APIGatewayV2HTTPResponse response = function.invoke(event);
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(200);
        Map<UUID, String> results = new HashMap<>();
        function.body(response).get("results").values().forEach(item -> results.put(
                UUID.fromString(item.get("id").getStringValue()), item.get("status").getStringValue()));
        return results;
    }

    private static String body(String action, String extra) {
        String ids = Stream.of(MINE, ALSO_MINE, THEIRS, MISSING).map(id -> "\"" + id + "\"")
                .collect(Collectors.joining(", "));
        return "{\"action\": \"" + action + "\", \"ids\": [" + ids + "]" + extra + "}";
    }
}
