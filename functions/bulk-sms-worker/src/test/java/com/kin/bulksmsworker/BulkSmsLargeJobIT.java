package com.kin.bulksmsworker;

import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.kin.testing.LambdaEvents;
import com.kin.testing.LocalSqs;
import com.kin.testing.SampleUsers;
import io.micronaut.json.tree.JsonNode;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The bar: one job of 10,000 recipients (the most one request may name) goes through SQS and completes with
 * exact per-message accounting: every recipient sent once, one messages row and one Twilio request each, with two worker
 * instances draining the queue side by side.
 */
class BulkSmsLargeJobIT {

    static final int RECIPIENTS = 10_000;

    static BulkSmsRig rig;

    @BeforeAll
    static void start() {
        rig = new BulkSmsRig();
        rig.twilioAcceptsEverything();
        rig.db.truncateAll();
        SampleUsers.insert(rig.db.dataSource());
    }

    @AfterAll
    static void stop() {
        rig.close();
    }

    @Test
    void tenThousandRecipientJob_completesThroughSqs_withExactCounts() {
        rig.data.execute("insert into contacts (owner_id, first_name, last_name, mobile_phone) "
                + "select ?, 'Person' || g, 'Example', '+1557' || lpad(g::text, 7, '0') "
                + "from generate_series(1, ?) g", SampleUsers.AGENT1, RECIPIENTS);
        List<Object> ids = rig.data.column("select id from contacts where owner_id = ?", SampleUsers.AGENT1);
        APIGatewayV2HTTPEvent create = LambdaEvents.http("bulk-sms/create.json");
        create.setBody("{\"body\": \"Hi {{firstName}}, our {{event}} starts Monday.\", \"variables\": "
                + "{\"event\": \"spring sale\"}, \"contactIds\": [" + quoted(ids) + "]}");

        APIGatewayV2HTTPResponse accepted = rig.invokeApi(create);
        assertThat(accepted.getStatusCode()).as(accepted.getBody()).isEqualTo(202);
        UUID jobId = UUID.fromString(rig.parse(accepted.getBody()).get("jobId").getStringValue());
        assertThat(LocalSqs.instance().messageCount(rig.queues.url())).isEqualTo(RECIPIENTS / 25);

        drainWithTwoInstances();

        JsonNode progress = progress(jobId);
        assertThat(progress.get("status").getStringValue()).isEqualTo("completed");
        JsonNode counts = progress.get("counts");
        assertThat(counts.get("total").getIntValue()).isEqualTo(RECIPIENTS);
        assertThat(counts.get("sent").getIntValue()).isEqualTo(RECIPIENTS);
        assertThat(counts.get("queued").getIntValue() + counts.get("sending").getIntValue()
                + counts.get("failed").getIntValue() + counts.get("failedUnknown").getIntValue()
                + counts.get("skippedOptOut").getIntValue()).isZero();
        assertThat(rig.data.value("select count(*) || '/' || count(distinct contact_id) || '/' "
                + "|| count(distinct twilio_message_sid) from messages where bulk_job_id = ?", jobId))
                .isEqualTo(RECIPIENTS + "/" + RECIPIENTS + "/" + RECIPIENTS);
        assertThat(rig.twilio.countRequestsMatching(postRequestedFor(urlPathEqualTo(BulkSmsRig.MESSAGES_PATH)).build())
                .getCount()).isEqualTo(RECIPIENTS);
        assertThat(rig.data.value("select count(*) from bulk_sms_recipients where job_id = ? and attempts <> 1", jobId))
                .isEqualTo(0L);
        assertThat(LocalSqs.instance().messageCount(rig.queues.url())).isZero();
        assertThat(LocalSqs.instance().messageCount(rig.queues.deadLetterUrl())).isZero();
    }

    /** Two worker instances poll the queue side by side until it is empty, as Lambda scales the event source out. */
    private static void drainWithTwoInstances() {
        LambdaSqsPoller second = rig.anotherWorkerInstance();
        CompletableFuture<Integer> other = CompletableFuture.supplyAsync(() -> second.drain(RECIPIENTS));
        rig.poller.drain(RECIPIENTS);
        other.join();
    }

    private static JsonNode progress(UUID jobId) {
        APIGatewayV2HTTPEvent event = LambdaEvents.http("bulk-sms/get.json",
                json -> json.replace("2b000000-0000-4000-8000-000000000001", jobId.toString()));
        return rig.parse(rig.invokeApi(event).getBody());
    }

    private static String quoted(List<Object> ids) {
        StringBuilder list = new StringBuilder();
        for (Object id : ids) {
            list.append(list.isEmpty() ? "" : ",").append('"').append(id).append('"');
        }
        return list.toString();
    }
}
