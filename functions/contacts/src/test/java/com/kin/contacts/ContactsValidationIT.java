package com.kin.contacts;

import static com.kin.contacts.ContactEvents.bulk;
import static com.kin.contacts.ContactEvents.create;
import static com.kin.contacts.ContactEvents.list;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.kin.testing.SampleUsers;
import com.kin.testing.TestDatabase;
import io.micronaut.json.tree.JsonNode;
import java.util.Base64;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Input the contacts routes must refuse with a 400 problem naming the field, before anything is written. */
class ContactsValidationIT {

    static final UUID C1 = ContactsHandlerIT.C1;

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
        rows.insert(C1, SampleUsers.AGENT1, "Wile", "vip");
    }

    @AfterEach
    void stop() {
        function.close();
    }

    @Test
    void create_wrongJsonTypes_returns400ForEachFieldAndWritesNothing() {
        JsonNode problem = function.assertProblem(function.invoke(create(
                "{\"firstName\": 42, \"smsOptOut\": \"yes\", \"tags\": \"vip\"}")), 400, "firstName");

        assertThat(problem.get("errors").get("smsOptOut").getStringValue()).isEqualTo("must be true or false");
        assertThat(problem.get("errors").get("tags").getStringValue()).isEqualTo("must be an array of strings");
        assertThat(rows.count()).isEqualTo(1);
    }

    @Test
    void create_bodyNotAnObject_returns400() {
        function.assertProblem(function.invoke(create("[{\"firstName\": \"Ada\"}]")), 400, null);
        function.assertProblem(function.invoke(create("\"Ada\"")), 400, null);
        assertThat(rows.count()).isEqualTo(1);
    }

    @Test
    void update_invalidValues_returns400AndChangesNothing() {
        JsonNode problem = function.assertProblem(function.invoke(ContactEvents.update(C1,
                "{\"firstName\": \"\", \"email\": \"not-an-email\", \"phone\": \"12\", \"ownerId\": \"bob\"}")), 400, "firstName");

        assertThat(problem.get("errors").get("email")).isNotNull();
        assertThat(problem.get("errors").get("phone")).isNotNull();
        assertThat(problem.get("errors").get("ownerId")).isNotNull();
        assertThat(rows.firstName(C1)).isEqualTo("Wile");
        assertThat(rows.version(C1)).isEqualTo(1);
    }

    @Test
    void update_wrongTypesUnknownFieldsAndNothingToChange_return400() {
        function.assertProblem(function.invoke(ContactEvents.update(C1, "{\"smsOptOut\": 1, \"tags\": [1, 2]}")), 400, "smsOptOut");
        function.assertProblem(function.invoke(ContactEvents.update(C1, "{\"nickname\": \"Coyote\"}")), 400, "nickname");
        function.assertProblem(function.invoke(ContactEvents.update(C1, "{}")), 400, null);
        assertThat(rows.version(C1)).isEqualTo(1);
    }

    @Test
    void bulk_moreThanFiveHundredIds_returns400AndChangesNothing() {
        String ids = Stream.concat(Stream.of(C1), Stream.generate(UUID::randomUUID).limit(BulkCommand.MAX_IDS))
                .map(id -> "\"" + id + "\"").collect(Collectors.joining(","));

        function.assertProblem(function.invoke(bulk("{\"action\": \"delete\", \"ids\": [" + ids + "]}")), 400, "ids");

        assertThat(rows.exists(C1)).isTrue();
    }

    @Test
    void bulk_unknownActionMissingTagsOrOwner_return400() {
        function.assertProblem(function.invoke(bulk("{\"action\": \"archive\", \"ids\": [\"" + C1 + "\"]}")), 400, "action");
        function.assertProblem(function.invoke(bulk("{\"action\": \"addTags\", \"ids\": [\"" + C1 + "\"]}")), 400, "tags");
        function.assertProblem(function.invoke(bulk("{\"action\": \"reassign\", \"ids\": [\"" + C1 + "\"]}")), 400, "ownerId");
        function.assertProblem(function.invoke(bulk("{\"action\": \"delete\", \"ids\": [\"not-a-uuid\"]}")), 400, "ids");
        assertThat(rows.tags(C1)).containsExactly("vip");
    }

    @Test
    void list_invalidFilters_return400() {
        function.assertProblem(function.invoke(list("owner=not-a-uuid")), 400, "owner");
        function.assertProblem(function.invoke(list("q=ab")), 400, "q");
        function.assertProblem(function.invoke(list("q=" + "x".repeat(101))), 400, "q");
        function.assertProblem(function.invoke(list("tag=Not%20A%20Tag")), 400, "tag");
        function.assertProblem(function.invoke(list("limit=0")), 400, "limit");
    }

    @Test
    void oversizedCreate_returns400NamingTheBodyAndWritesNothing() {
        String body = "{\"firstName\": \"Big\", \"notes\": \"" + "x".repeat(70_000) + "\"}";

        JsonNode problem = function.assertProblem(function.invoke(create(body)), 400, "body");

        assertThat(problem.get("detail").getStringValue()).contains("65536");
        assertThat(rows.count()).isEqualTo(1);
    }

    @Test
    void oversizedBase64Create_isMeasuredDecoded_andRefused() {
        String body = "{\"firstName\": \"Big\", \"notes\": \"" + "x".repeat(70_000) + "\"}";
        APIGatewayV2HTTPEvent event = create(Base64.getEncoder().encodeToString(body.getBytes()));
        event.setIsBase64Encoded(true);

        function.assertProblem(function.invoke(event), 400, "body");
        assertThat(rows.count()).isEqualTo(1);
    }

    @Test
    void oversizedBulk_returns400AndChangesNothing() {
        String ids = IntStream.range(0, 2_000).mapToObj(i -> i == 0 ? C1 : UUID.randomUUID())
                .map(id -> "\"" + id + "\"").collect(Collectors.joining(","));

        function.assertProblem(function.invoke(bulk("{\"action\": \"delete\", \"ids\": [" + ids + "]}")), 400, "body");

        assertThat(rows.count()).isEqualTo(1);
        assertThat(rows.exists(C1)).isTrue();
    }

    @Test
    void bodyUnderTheLimit_reachesFieldValidation() {
        String body = "{\"firstName\": \"Big\", \"notes\": \"" + "x".repeat(60_000) + "\"}";

        JsonNode problem = function.assertProblem(function.invoke(create(body)), 400, "notes");

        assertThat(problem.get("errors").get("body")).isNull();
        assertThat(rows.count()).isEqualTo(1);
    }
}
