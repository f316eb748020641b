package com.kin.contacts;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.kin.testing.LambdaEvents;
import com.kin.testing.LocalDynamoDb;
import com.kin.testing.SampleUsers;
import com.kin.testing.TestDatabase;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Two instances of the contacts function with separate L1s over one L2 table: a write through one is seen by the other
 * once the staleness bound (1 s by default) has passed, and the L2 entry one instance wrote serves the other.
 */
class ContactsAcrossInstancesIT {

    private static final long STALENESS_BOUND_MS = 1_000;

    private final TestDatabase db = TestDatabase.get();
    private ContactsFunction writer;
    private ContactsFunction reader;

    @BeforeEach
    void start() {
        db.truncateAll();
        SampleUsers.insert(db.dataSource());
        db.dataSource();
        try (var c = db.dataSource().getConnection(); var s = c.prepareStatement(
                "insert into contacts (id, owner_id, first_name, last_name, organization, tags) values (?, ?, 'Wile', '', 'Old Corp', '{vip}')")) {
            s.setObject(1, UUID.fromString("10000000-0000-4000-8000-000000000001"));
            s.setObject(2, SampleUsers.AGENT1);
            s.executeUpdate();
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
        LocalDynamoDb dynamo = LocalDynamoDb.instance();
        String cacheTable = LocalDynamoDb.uniqueTableName("contacts-cache");
        String idempotencyTable = LocalDynamoDb.uniqueTableName("contacts-idem");
        dynamo.createCacheTable(cacheTable);
        dynamo.createCacheTable(idempotencyTable);
        writer = new ContactsFunction(db, dynamo, cacheTable, idempotencyTable);
        reader = new ContactsFunction(db, dynamo, cacheTable, idempotencyTable);
    }

    @AfterEach
    void stop() {
        writer.close();
        reader.close();
    }

    @Test
    void anEntryLoadedByOneInstanceIsAnL2HitForTheOther() {
        writer.invoke(LambdaEvents.http("contacts/get.json"));

        APIGatewayV2HTTPResponse fromOther = reader.invoke(LambdaEvents.http("contacts/get.json"));

        assertThat(fromOther.getHeaders()).containsEntry("x-cache", "l2");
    }

    @Test
    void aWriteThroughOneInstanceIsSeenByTheOtherWithinTheBound() throws InterruptedException {
        assertThat(organization(reader.invoke(LambdaEvents.http("contacts/get.json")))).isEqualTo("Old Corp");
        assertThat(organization(reader.invoke(LambdaEvents.http("contacts/get.json")))).isEqualTo("Old Corp");

        APIGatewayV2HTTPResponse written = writer.invoke(LambdaEvents.http("contacts/update.json"));
        assertThat(written.getStatusCode()).isEqualTo(200);
        Thread.sleep(STALENESS_BOUND_MS + 100);

        APIGatewayV2HTTPResponse after = reader.invoke(LambdaEvents.http("contacts/get.json"));
        assertThat(organization(after)).isEqualTo("Acme Corp");
        assertThat(after.getHeaders()).containsEntry("ETag", "\"2\"");
        for (int i = 0; i < 5; i++) {
            assertThat(organization(reader.invoke(LambdaEvents.http("contacts/get.json")))).isEqualTo("Acme Corp");
        }
    }

    private String organization(APIGatewayV2HTTPResponse response) {
        return reader.body(response).get("organization").getStringValue();
    }
}
