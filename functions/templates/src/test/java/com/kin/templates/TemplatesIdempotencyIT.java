package com.kin.templates;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.kin.testing.Db;
import com.kin.testing.LambdaEvents;
import com.kin.testing.SampleUsers;
import com.kin.testing.TestDatabase;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Idempotency-Key on {@code POST /api/templates} through the real handler and events/templates/create.json. */
class TemplatesIdempotencyIT {

    private final TestDatabase db = TestDatabase.get();
    private final Db sql = new Db(db.dataSource());
    private TemplatesFunction function;

    @BeforeEach
    void start() {
        function = TemplatesFunction.fresh(db);
        db.truncateAll();
        SampleUsers.insert(db.dataSource());
    }

    @AfterEach
    void stop() {
        function.close();
    }

    @Test
    void create_sameKeyWithAnotherBody_returns422_andCreatesNothingMore() {
        APIGatewayV2HTTPResponse first = function.invoke(withKey("create-reused-1"));
        APIGatewayV2HTTPEvent other = withKey("create-reused-1");
        other.setBody("{\"name\": \"Follow-up\", \"body\": \"Hi {{firstName}}, any questions?\"}");

        APIGatewayV2HTTPResponse reused = function.invoke(other);

        assertThat(first.getStatusCode()).as(first.getBody()).isEqualTo(201);
        function.assertProblem(reused, 422, null);
        assertThat(sql.count("select count(*) from message_templates")).isEqualTo(1);
        assertThat(sql.row("select name from message_templates").get("name")).isEqualTo("Appointment reminder");
    }

    /** events/templates/create.json carrying {@code key} as its Idempotency-Key. */
    private static APIGatewayV2HTTPEvent withKey(String key) {
        APIGatewayV2HTTPEvent event = LambdaEvents.http("templates/create.json");
        Map<String, String> headers = new HashMap<>(event.getHeaders());
        headers.put("idempotency-key", key);
        event.setHeaders(headers);
        return event;
    }
}
