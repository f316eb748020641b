package com.kin.bench;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.kin.contacts.ContactsHandler;
import com.kin.testing.BulkLoader;
import com.kin.testing.FunctionHarness;
import com.kin.testing.LambdaEvents;
import com.kin.testing.SampleUsers;
import com.kin.testing.TestDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The real contacts handler (a Micronaut context over embedded Postgres and DynamoDB Local, as in the function's
 * tests) with BulkLoader data: {@link #CONTACTS} contacts round-robin over agent1 and {@link #OTHER_OWNERS} colleagues.
 */
final class ContactsBench extends FunctionHarness {

    static final int CONTACTS = 20_000;
    static final int OTHER_OWNERS = 9;

    private ContactsBench(Tables tables, Map<String, Object> settings) {
        super("contacts", tables, settings, ContactsHandler::new);
    }

    /** Loads the data into a truncated database and starts a handler over fresh cache tables (L2 on DynamoDB Local). */
    static ContactsBench start() {
        return start(true);
    }

    /** The same, with or without the cache's L2 tier: without it a miss is the handler and Postgres alone. */
    static ContactsBench start(boolean withL2) {
        TestDatabase db = TestDatabase.get();
        db.truncateAll();
        SampleUsers.insert(db.dataSource());
        BulkLoader loader = new BulkLoader(db.dataSource());
        List<UUID> owners = new ArrayList<>(loader.users(OTHER_OWNERS, "agent", "sales"));
        owners.add(SampleUsers.AGENT1);
        loader.contacts(CONTACTS, owners);
        loader.analyze();
        return new ContactsBench(Tables.fresh("bench-contacts"),
                ClassPathSettings.with(withL2 ? Map.of() : Map.of("cache.table", "")));
    }

    /** Up to {@code limit} ids of contacts agent1 owns (the sample events' caller). */
    static List<UUID> agentContactIds(int limit) {
        try (Connection connection = TestDatabase.get().dataSource().getConnection();
             PreparedStatement statement = connection.prepareStatement(
                     "select id from contacts where owner_id = ? order by id limit ?")) {
            statement.setObject(1, SampleUsers.AGENT1);
            statement.setInt(2, limit);
            List<UUID> ids = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    ids.add(rows.getObject(1, UUID.class));
                }
            }
            return ids;
        } catch (SQLException e) {
            throw new IllegalStateException("bench - failed to read agent1's contact ids", e);
        }
    }

    /** events/contacts/get.json for contact {@code id}. */
    static APIGatewayV2HTTPEvent get(UUID id) {
        String sampleId = LambdaEvents.http("contacts/get.json").getPathParameters().get("id");
        return LambdaEvents.http("contacts/get.json", json -> json.replace(sampleId, id.toString()));
    }

    /** events/contacts/list.json as a plain first page of 25, newest first (the sample's filters match no bulk rows). */
    static APIGatewayV2HTTPEvent listPage() {
        return LambdaEvents.withQuery(LambdaEvents.http("contacts/list.json"), "sort=updated&limit=25");
    }

    /** Invokes and insists on a 200 served from {@code expectedTier} (l1, l2, miss): a benchmark of an error is no benchmark. */
    APIGatewayV2HTTPResponse expect(APIGatewayV2HTTPEvent event, String expectedTier) {
        APIGatewayV2HTTPResponse response = invoke(event);
        if (response.getStatusCode() != 200 || !expectedTier.equals(cacheSource(response))) {
            throw new IllegalStateException("bench - expected 200 from " + expectedTier + ", got " + response.getStatusCode()
                    + " from " + cacheSource(response) + ": " + response.getBody());
        }
        return response;
    }
}
