package com.kin.bulksms;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.kin.testing.LambdaEvents;
import com.kin.testing.LocalSqs;
import com.kin.testing.SampleUsers;
import com.kin.testing.TestDatabase;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Idempotency-Key on {@code POST /api/messages/bulk} through the real handler, events/bulk-sms and ElasticMQ. */
class BulkSmsIdempotencyIT {

    private final TestDatabase db = TestDatabase.get();
    private final BulkSmsData data = new BulkSmsData(db.dataSource());
    private LocalSqs.Queues queues;
    private BulkSmsFunction function;

    /** A queue and an instance of its own; agent 1 owns C1 and agent 2 owns C2, the create sample's ids. */
    @BeforeEach
    void start() {
        queues = LocalSqs.instance().createQueueWithDeadLetter(LocalSqs.uniqueQueueName("bulk-sms-idem"), 5,
                Duration.ofSeconds(30));
        function = new BulkSmsFunction(BulkSmsFunction.environment(db, queues.url()));
        db.truncateAll();
        SampleUsers.insert(db.dataSource());
        data.contact(BulkSmsHandlerIT.C1, SampleUsers.AGENT1, "Wile", "+15550100001", false, "vip");
        data.contact(BulkSmsHandlerIT.C2, SampleUsers.AGENT2, "Road", "+15550100002", false, "vip");
    }

    @AfterEach
    void stop() {
        function.close();
    }

    @Test
    void create_sameKeyWithAnotherBody_returns422_andQueuesNoSecondJob() {
        APIGatewayV2HTTPResponse first = function.invoke(LambdaEvents.http("bulk-sms/create.json"));
        APIGatewayV2HTTPEvent other = LambdaEvents.http("bulk-sms/create.json");
        other.setBody("{\"body\": \"Hi {{firstName}}, see you soon.\", \"tag\": \"vip\"}");

        APIGatewayV2HTTPResponse reused = function.invoke(other);

        assertThat(first.getStatusCode()).as(first.getBody()).isEqualTo(202);
        assertThat(reused.getStatusCode()).as(reused.getBody()).isEqualTo(422);
        assertThat(reused.getHeaders().get("Content-Type")).startsWith("application/problem+json");
        assertThat(function.body(reused).get("detail").getStringValue()).contains("Idempotency-Key");
        assertThat(data.value("select count(*) from bulk_sms_jobs")).isEqualTo(1L);
        assertThat(LocalSqs.instance().messageCount(queues.url())).isEqualTo(1);
    }
}
