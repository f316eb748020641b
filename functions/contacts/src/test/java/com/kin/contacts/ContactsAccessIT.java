package com.kin.contacts;

import static com.kin.contacts.ContactEvents.asAdmin;
import static com.kin.contacts.ContactEvents.asManager;
import static com.kin.contacts.ContactEvents.list;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.kin.testing.SampleUsers;
import com.kin.testing.TestDatabase;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Who sees and changes which contact, and what the list's filters and orders return: agent1 (sales) owns ADA, BOB and
 * CAT; agent2 (support) owns DAN. The sales manager sees agent1's, not agent2's; the admin sees all four.
 */
class ContactsAccessIT {

    static final UUID ADA = UUID.fromString("20000000-0000-4000-8000-000000000001");
    static final UUID BOB = UUID.fromString("20000000-0000-4000-8000-000000000002");
    static final UUID CAT = UUID.fromString("20000000-0000-4000-8000-000000000003");
    static final UUID DAN = UUID.fromString("20000000-0000-4000-8000-000000000004");

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
        rows.insert(new ContactRows.Row(ADA, SampleUsers.AGENT1, "Ada", "Lovelace", "+14155550132", "ada@example.com",
                Instant.parse("2026-03-02T00:00:00Z"), "vip"));
        rows.insert(new ContactRows.Row(BOB, SampleUsers.AGENT1, "Bob", "Babbage", "+14155550177", "bob@example.org",
                Instant.parse("2026-03-03T00:00:00Z")));
        rows.insert(new ContactRows.Row(CAT, SampleUsers.AGENT1, "Cat", "Hopper", null, "cat@example.net",
                Instant.parse("2026-03-01T00:00:00Z"), "vip"));
        rows.insert(new ContactRows.Row(DAN, SampleUsers.AGENT2, "Dan", "Ritchie", "+14155550199", null,
                Instant.parse("2026-03-04T00:00:00Z")));
    }

    @AfterEach
    void stop() {
        function.close();
    }

    @Test
    void sortUpdated_isNewestFirst_andSortName_isAlphabetical() {
        assertThat(ids(list(""))).containsExactly(BOB, ADA, CAT);
        assertThat(ids(list("sort=updated"))).containsExactly(BOB, ADA, CAT);
        assertThat(ids(list("sort=name"))).containsExactly(ADA, BOB, CAT);
        assertThat(ids(asAdmin(list("sort=updated")))).containsExactly(DAN, BOB, ADA, CAT);
    }

    @Test
    void search_matchesPhoneAndEmail() {
        assertThat(ids(list("q=%2B14155550132"))).containsExactly(ADA);
        assertThat(ids(list("q=5550177"))).containsExactly(BOB);
        assertThat(ids(list("q=cat%40example"))).containsExactly(CAT);
        assertThat(ids(list("q=example.org"))).containsExactly(BOB);
        assertThat(ids(list("q=5550199"))).as("another agent's contact stays hidden").isEmpty();
        assertThat(ids(asAdmin(list("q=5550199")))).containsExactly(DAN);
    }

    @Test
    void ownerFilter_narrowsToThatOwner_withinWhatTheCallerSees() {
        assertThat(ids(asAdmin(list("owner=" + SampleUsers.AGENT2)))).containsExactly(DAN);
        assertThat(ids(asAdmin(list("owner=" + SampleUsers.AGENT1 + "&sort=name")))).containsExactly(ADA, BOB, CAT);
        assertThat(ids(asManager(list("owner=" + SampleUsers.AGENT1 + "&tag=vip&sort=name")))).containsExactly(ADA, CAT);
        assertThat(ids(asManager(list("owner=" + SampleUsers.AGENT2)))).isEmpty();
        assertThat(ids(list("owner=" + SampleUsers.AGENT2))).isEmpty();
    }

    @Test
    void manager_readsItsDepartmentsContacts_andGets404ForAnotherDepartments() {
        assertThat(function.invoke(asManager(ContactEvents.get(ADA))).getStatusCode()).isEqualTo(200);
        function.assertProblem(function.invoke(asManager(ContactEvents.get(DAN))), 404, null);
        assertThat(ids(asManager(list("sort=name")))).containsExactly(ADA, BOB, CAT);
    }

    @Test
    void patchAnotherUsersContact_returns404AndChangesNothing() {
        function.assertProblem(function.invoke(ContactEvents.update(DAN, "{\"firstName\": \"Mallory\"}")), 404, null);
        function.assertProblem(function.invoke(asManager(ContactEvents.update(DAN, "{\"firstName\": \"Mallory\"}"))),
                404, null);

        assertThat(rows.firstName(DAN)).isEqualTo("Dan");
        assertThat(rows.version(DAN)).isEqualTo(1);
    }

    @Test
    void deleteAnotherUsersContact_returns404AndKeepsIt() {
        function.assertProblem(function.invoke(ContactEvents.delete(DAN)), 404, null);
        function.assertProblem(function.invoke(asManager(ContactEvents.delete(DAN))), 404, null);

        assertThat(rows.exists(DAN)).isTrue();
    }

    @Test
    void manager_changesItsDepartmentsContact() {
        APIGatewayV2HTTPResponse response = function.invoke(asManager(
                ContactEvents.update(ADA, "{\"organization\": \"Analytical Engines\"}")));

        assertThat(response.getStatusCode()).isEqualTo(200);
        assertThat(response.getHeaders()).containsEntry("ETag", "\"2\"");
        assertThat(rows.version(ADA)).isEqualTo(2);
    }

    private List<UUID> ids(APIGatewayV2HTTPEvent event) {
        APIGatewayV2HTTPResponse response = function.invoke(event);
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(200);
        List<UUID> ids = new ArrayList<>();
        function.body(response).get("items").values()
                .forEach(item -> ids.add(UUID.fromString(item.get("id").getStringValue())));
        return ids;
    }
}
