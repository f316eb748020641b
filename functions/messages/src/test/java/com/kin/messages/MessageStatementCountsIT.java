package com.kin.messages;

import static com.kin.messages.MessagesReadIT.C1;
import static com.kin.messages.MessagesReadIT.M1;
import static com.kin.messages.MessagesReadIT.M2;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.kin.data.SqlMetrics;
import com.kin.testing.LambdaEvents;
import com.kin.testing.SampleUsers;
import com.kin.testing.TestDatabase;
import com.kin.testing.TwilioApi;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** How many SQL statements a templated send and a bulk delete run through the real handler. */
class MessageStatementCountsIT {

    static final UUID TEMPLATE = MessagesSendIT.TEMPLATE;

    static TestDatabase db;
    static MessageData data;
    MessagesFunction function;

    @BeforeAll
    static void start() {
        db = TestDatabase.get();
        data = new MessageData(db);
    }

    /** Agent 1 owns C1 (M1 inbound, M2 outbound); one template greets by name with an order number. */
    @BeforeEach
    void seed() {
        TwilioApi.reset();
        function = MessagesFunction.fresh(db);
        db.truncateAll();
        SampleUsers.insert(db.dataSource());
        data.contact(C1, SampleUsers.AGENT1, "Wile");
        data.message(M1, "inbound", SampleUsers.AGENT1, C1, 0);
        data.message(M2, "outbound", SampleUsers.AGENT1, C1, 5);
        data.execute("insert into message_templates (id, name, body, variables) values (?, 'shipped', "
                + "'Hi {{name}}, order {{order}} shipped.', '{name,order}')", TEMPLATE);
    }

    @AfterEach
    void stop() {
        function.close();
    }

    /**
     * The contact, the template, the queued insert, then Twilio's answer recorded under the SID's lock (the lock, then
     * one statement that stores the SID and merges a status callback that overtook the answer): five.
     */
    @Test
    void send_withTemplate_runsFiveStatements() {
        TwilioApi.answer(TwilioApi.MESSAGES, 201, "message-queued.json");
        APIGatewayV2HTTPEvent event = LambdaEvents.http("messages/send.json");
        event.setBody("{\"contactId\": \"" + C1 + "\", \"templateId\": \"" + TEMPLATE
                + "\", \"variables\": {\"name\": \"Wile\", \"order\": \"#42\"}}");

        long statements = statementsOf(event, 201);

        assertThat(statements).isEqualTo(5);
        assertThat(data.value("select body from messages where template_id = ?", TEMPLATE))
                .isEqualTo("Hi Wile, order #42 shipped.");
    }

    /** One lock of the batch, one delete of the batch (the conversation follows in the delete's trigger). */
    @Test
    void bulkDelete_runsTwoStatements() {
        APIGatewayV2HTTPEvent event = LambdaEvents.http("messages/actions.json");
        event.setBody("{\"action\": \"delete\", \"ids\": [\"" + M1 + "\", \"" + M2 + "\"]}");

        long statements = statementsOf(event, 200);

        assertThat(statements).isEqualTo(2);
        assertThat(data.value("select count(*) from messages")).isEqualTo(0L);
        assertThat(data.value("select count(*) from conversations")).isEqualTo(0L);
    }

    private long statementsOf(APIGatewayV2HTTPEvent event, int status) {
        SqlMetrics metrics = function.bean(SqlMetrics.class);
        long before = metrics.statementCount();
        APIGatewayV2HTTPResponse response = function.invoke(event);
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(status);
        return metrics.statementCount() - before;
    }
}
