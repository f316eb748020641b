package com.kin.contacts;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.kin.data.SqlMetrics;
import com.kin.testing.Db;
import com.kin.testing.LambdaEvents;
import com.kin.testing.SampleUsers;
import com.kin.testing.TestDatabase;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Idempotency-Key on the contacts function's POST routes ({@code /api/contacts}, {@code /api/contacts/bulk}). */
class ContactsIdempotencyIT {

    /** Every contact with its name and tags, in one text: what a request that ran again would change. */
    static final String CONTACTS_STATE = "select count(*) || ':' || coalesce(string_agg(first_name || '=' "
            + "|| array_to_string(tags, '+'), ';' order by first_name), '') as state from contacts";

    static TestDatabase db;
    static Db sql;
    ContactsFunction function;

    @BeforeAll
    static void start() {
        db = TestDatabase.get();
        sql = new Db(db.dataSource());
    }

    /** Agent 1 owns C1, agent 2 owns C2 (the bulk sample's ids), both tagged vip. */
    @BeforeEach
    void seed() {
        function = ContactsFunction.fresh(db);
        db.truncateAll();
        SampleUsers.insert(db.dataSource());
        sql.execute("insert into contacts (id, owner_id, first_name, tags) values (?, ?, 'Wile', ?)",
                ContactsHandlerIT.C1, SampleUsers.AGENT1, new String[] {"vip"});
        sql.execute("insert into contacts (id, owner_id, first_name, tags) values (?, ?, 'Road', ?)",
                ContactsHandlerIT.C2, SampleUsers.AGENT2, new String[] {"vip"});
    }

    @AfterEach
    void stop() {
        function.close();
    }

    @Test
    void bulk_retryWithTheSameKey_replaysTheResult_withoutAnySqlStatement() {
        APIGatewayV2HTTPResponse first = function.invoke(withKey("contacts/bulk.json", "bulk-1"));
        sql.execute("update contacts set tags = ?", (Object) new String[] {"vip"});
        SqlMetrics metrics = function.bean(SqlMetrics.class);
        long before = metrics.statementCount();

        APIGatewayV2HTTPResponse retry = function.invoke(withKey("contacts/bulk.json", "bulk-1"));

        assertThat(first.getStatusCode()).as(first.getBody()).isEqualTo(200);
        assertThat(retry.getStatusCode()).isEqualTo(200);
        assertThat(retry.getBody()).isEqualTo(first.getBody());
        assertThat(retry.getHeaders()).containsEntry("idempotent-replayed", "true");
        assertThat(metrics.statementCount() - before).isZero();
        assertThat(sql.row(CONTACTS_STATE).get("state")).isEqualTo("2:Road=vip;Wile=vip");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "contacts/create.json, '{\"firstName\": \"Grace\", \"lastName\": \"Hopper\"}'",
            "contacts/bulk.json, '{\"action\": \"addTags\", \"ids\": [\"10000000-0000-4000-8000-000000000001\"], "
                    + "\"tags\": [\"other\"]}'"})
    void sameKeyWithAnotherBody_returns422_andChangesNothing(String sample, String otherBody) {
        APIGatewayV2HTTPResponse first = function.invoke(withKey(sample, "reused-1"));
        Object afterFirst = sql.row(CONTACTS_STATE).get("state");
        APIGatewayV2HTTPEvent other = withKey(sample, "reused-1");
        other.setBody(otherBody);

        APIGatewayV2HTTPResponse reused = function.invoke(other);

        assertThat(first.getStatusCode()).as(first.getBody()).isIn(200, 201);
        function.assertProblem(reused, 422, null);
        assertThat(sql.row(CONTACTS_STATE).get("state")).isEqualTo(afterFirst);
    }

    /** The sample event carrying {@code key} as its Idempotency-Key. */
    private static APIGatewayV2HTTPEvent withKey(String sample, String key) {
        APIGatewayV2HTTPEvent event = LambdaEvents.http(sample);
        Map<String, String> headers = new HashMap<>(event.getHeaders());
        headers.put("idempotency-key", key);
        event.setHeaders(headers);
        return event;
    }
}
