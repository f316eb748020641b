package com.kin.bulksmsworker;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.kin.bulksmsworker.BulkSmsRig.createMessage;
import static com.kin.bulksmsworker.BulkSmsRig.created;
import static com.kin.bulksmsworker.BulkSmsRig.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import com.kin.testing.LambdaEvents;
import com.kin.testing.LocalSqs;
import com.kin.testing.SampleUsers;
import com.kin.testing.TestLambdaContext;
import io.micronaut.json.tree.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * Bulk jobs from the API handler to Twilio: created through the real bulk-sms handler with the events/bulk-sms samples,
 * queued in ElasticMQ, drained by invoking the real worker handler as Lambda's SQS poller would, sent through the real
 * Twilio SDK to WireMock. Checks the never-twice rule, partial batch failures, dead-lettering and the accounting.
 */
class BulkSmsWorkerIT {

    static final UUID C1 = UUID.fromString("10000000-0000-4000-8000-000000000001");
    static final UUID C2 = UUID.fromString("10000000-0000-4000-8000-000000000002");
    static final UUID SAMPLE_JOB = UUID.fromString("2b000000-0000-4000-8000-000000000001");

    static BulkSmsRig rig;
    static WorkerData data;

    @BeforeAll
    static void start() {
        rig = new BulkSmsRig();
        data = rig.data;
    }

    @AfterAll
    static void stop() {
        rig.close();
    }

    @BeforeEach
    void reset() {
        rig.twilioAcceptsEverything();
        rig.poller.drain(1_000);
        rig.db.truncateAll();
        SampleUsers.insert(rig.db.dataSource());
        data.contact(C1, SampleUsers.AGENT1, "Wile", "+15550100001");
        data.contact(C2, SampleUsers.AGENT2, "Road", "+15550100002");
    }

    @Test
    void job_isSentToEveryVisibleContact_withRenderedBody_andMessagesRows() {
        UUID jobId = rig.createJob(LambdaEvents.http("bulk-sms/create.json"));

        rig.poller.drain(10);

        assertThat(status(jobId, C1)).isEqualTo("sent");
        assertThat(data.value("select count(*) from bulk_sms_recipients where job_id = ?", jobId)).isEqualTo(1L);
        rig.twilio.verify(1, postRequestedFor(urlPathEqualTo(BulkSmsRig.MESSAGES_PATH))
                .withRequestBody(containing("To=%2B15550100001"))
                .withRequestBody(containing("From=%2B15017122661"))
                .withRequestBody(containing("Body=Hi+Wile%2C+our+spring+sale+starts+Monday+at+9am."))
                .withRequestBody(containing("StatusCallback="
                        + "https%3A%2F%2Fhooks.kin.example%2Ftwilio%2Fmessages%2Fstatus")));
        assertThat(data.value("select count(*) from messages where bulk_job_id = ? and direction = 'outbound' "
                + "and status = 'queued' and user_id = ? and contact_id = ? and from_number = ? and to_number = ? "
                + "and twilio_message_sid like 'SM%' and body like 'Hi Wile, our spring sale%' and sent_at is not null",
                jobId, SampleUsers.AGENT1, C1, BulkSmsRig.SENDER, "+15550100001")).isEqualTo(1L);
        assertThat(data.value("select count(*) from bulk_sms_recipients r join messages m on m.id = r.message_id "
                + "and m.twilio_message_sid = r.twilio_message_sid where r.job_id = ?", jobId)).isEqualTo(1L);
        JsonNode progress = progress(jobId);
        assertThat(progress.get("status").getStringValue()).isEqualTo("completed");
        assertThat(progress.get("counts").get("sent").getIntValue()).isEqualTo(1);
        assertThat(LocalSqs.instance().messageCount(rig.queues.url())).isZero();
    }

    @Test
    void redeliveredMessage_sendsNothingTwice() {
        List<UUID> contacts = contacts(3);
        UUID jobId = rig.createJob(withContacts(contacts));
        List<Message> first = rig.poller.receive();

        SQSBatchResponse firstAnswer = rig.poller.invoke(first);
        // The delete after the first invocation is lost: SQS delivers the same message again.
        rig.poller.settle(first, failedAll(first));
        List<Message> second = rig.poller.receive();
        SQSBatchResponse secondAnswer = rig.poller.invoke(second);
        rig.poller.settle(second, secondAnswer);

        assertThat(second).extracting(Message::messageId).isEqualTo(first.stream().map(Message::messageId).toList());
        assertThat(second.get(0).attributesAsStrings()).containsEntry("ApproximateReceiveCount", "2");
        assertThat(firstAnswer.getBatchItemFailures()).isEmpty();
        assertThat(secondAnswer.getBatchItemFailures()).isEmpty();
        assertThat(twilioRequests()).isEqualTo(3);
        assertThat(data.value("select count(*) from messages where bulk_job_id = ?", jobId)).isEqualTo(3L);
        assertThat(data.column("select attempts from bulk_sms_recipients where job_id = ?", jobId))
                .containsOnly(1);
    }

    @Test
    void sameMessageHandledTwiceAtOnce_sendsEachRecipientOnce() {
        List<UUID> contacts = contacts(20);
        UUID jobId = rig.createJob(withContacts(contacts));
        List<Message> messages = rig.poller.receive();
        SQSEvent event = rig.poller.event(messages);

        CompletableFuture<SQSBatchResponse> one = CompletableFuture.supplyAsync(
                () -> rig.worker.handleRequest(event, new TestLambdaContext("bulk-sms-worker")));
        SQSBatchResponse other = rig.worker.handleRequest(event, new TestLambdaContext("bulk-sms-worker"));
        one.join();
        rig.poller.settle(messages, other);

        assertThat(twilioRequests()).isEqualTo(20);
        assertThat(data.value("select count(*) from messages where bulk_job_id = ?", jobId)).isEqualTo(20L);
        assertThat(data.value("select count(*) from bulk_sms_recipients where job_id = ? and status = 'sent'", jobId))
                .isEqualTo(20L);
    }

    @Test
    void permanentTwilioRefusal_failsThatRecipientOnly_andIsNotRetried() {
        List<UUID> contacts = contacts(3);
        rig.twilio.stubFor(createMessage().atPriority(1).withRequestBody(containing("To=%2B15550300001"))
                .willReturn(json(400, "error-21211-invalid-to.json")));
        UUID jobId = rig.createJob(withContacts(contacts));
        List<Message> messages = rig.poller.receive();

        SQSBatchResponse answer = rig.poller.invoke(messages);
        rig.poller.settle(messages, answer);

        assertThat(answer.getBatchItemFailures()).isEmpty();
        assertThat(status(jobId, contacts.get(1))).isEqualTo("failed");
        assertThat(data.value("select error_code from bulk_sms_recipients where contact_id = ?", contacts.get(1)))
                .isEqualTo("21211");
        assertThat(status(jobId, contacts.get(0))).isEqualTo("sent");
        assertThat(status(jobId, contacts.get(2))).isEqualTo("sent");
        assertThat(rig.poller.receive()).isEmpty();
        assertThat(LocalSqs.instance().messageCount(rig.queues.deadLetterUrl())).isZero();
        JsonNode counts = progress(jobId).get("counts");
        assertThat(counts.get("failed").getIntValue()).isEqualTo(1);
        assertThat(counts.get("sent").getIntValue()).isEqualTo(2);
    }

    @Test
    void twilioUnavailable_reportsOnlyThatMessage_thenSendsOnRedelivery() {
        List<UUID> contacts = contacts(30);
        StubMapping outage = rig.twilio.stubFor(createMessage().atPriority(1)
                .withRequestBody(containing("To=%2B15550300026")).willReturn(WireMock.aResponse().withStatus(503)));
        UUID jobId = rig.createJob(withContacts(contacts));
        List<Message> messages = rig.poller.receive();
        String failingMessage = messageNaming(messages, contacts.get(26));

        SQSBatchResponse answer = rig.poller.invoke(messages);
        rig.poller.settle(messages, answer);

        assertThat(answer.getBatchItemFailures()).extracting(SQSBatchResponse.BatchItemFailure::getItemIdentifier)
                .containsExactly(failingMessage);
        assertThat(status(jobId, contacts.get(26))).isEqualTo("queued");
        rig.twilio.removeStub(outage);
        rig.poller.drain(5);

        assertThat(data.value("select count(*) from bulk_sms_recipients where job_id = ? and status = 'sent'", jobId))
                .isEqualTo(30L);
        assertThat(data.value("select attempts from bulk_sms_recipients where contact_id = ?", contacts.get(26)))
                .isEqualTo(2);
        assertThat(data.value("select count(*) from messages where bulk_job_id = ?", jobId)).isEqualTo(30L);
        assertThat(progress(jobId).get("status").getStringValue()).isEqualTo("completed");
    }

    @Test
    void twilioUnavailableThroughEveryDelivery_deadLettersTheMessage_andFailsTheRecipient() {
        List<UUID> contacts = contacts(3);
        rig.twilio.stubFor(createMessage().atPriority(1).withRequestBody(containing("To=%2B15550300000"))
                .willReturn(WireMock.aResponse().withStatus(503)));
        UUID jobId = rig.createJob(withContacts(contacts));

        int invocations = rig.poller.drain(20);

        assertThat(invocations).isEqualTo(BulkSmsRig.MAX_RECEIVE_COUNT);
        assertThat(LocalSqs.instance().messageCount(rig.queues.deadLetterUrl())).isEqualTo(1);
        assertThat(LocalSqs.instance().messageCount(rig.queues.url())).isZero();
        assertThat(status(jobId, contacts.get(0))).isEqualTo("failed");
        assertThat(data.value("select error_code || '/' || attempts from bulk_sms_recipients where contact_id = ?",
                contacts.get(0))).isEqualTo("retries_exhausted/" + BulkSmsRig.MAX_RECEIVE_COUNT);
        assertThat(status(jobId, contacts.get(1))).isEqualTo("sent");
        assertThat(status(jobId, contacts.get(2))).isEqualTo("sent");
        rig.twilio.verify(1, postRequestedFor(urlPathEqualTo(BulkSmsRig.MESSAGES_PATH))
                .withRequestBody(containing("To=%2B15550300001")));
        assertThat(progress(jobId).get("status").getStringValue()).isEqualTo("completed");
    }

    @Test
    void noAnswerFromTwilioInTime_marksTheOutcomeUnknown_andNeverResends() {
        List<UUID> contacts = contacts(2);
        rig.twilio.stubFor(createMessage().atPriority(1).withRequestBody(containing("To=%2B15550300001"))
                .willReturn(created().withFixedDelay(BulkSmsRig.SLOWER_THAN_AN_ATTEMPT_MS)));
        UUID jobId = rig.createJob(withContacts(contacts));

        rig.poller.drain(5);

        assertThat(data.value("select status || '/' || error_code from bulk_sms_recipients where contact_id = ?",
                contacts.get(1))).isEqualTo("failed/outcome_unknown");
        rig.twilio.verify(1, postRequestedFor(urlPathEqualTo(BulkSmsRig.MESSAGES_PATH))
                .withRequestBody(containing("To=%2B15550300001")));
        assertThat(progress(jobId).get("counts").get("failedUnknown").getIntValue()).isEqualTo(1);
    }

    @Test
    void contactOptingOutAfterTheJobWasCreated_isSkipped() {
        List<UUID> contacts = contacts(2);
        UUID jobId = rig.createJob(withContacts(contacts));
        data.execute("update contacts set sms_opt_out = true, sms_opt_out_at = now() where id = ?", contacts.get(0));

        rig.poller.drain(5);

        assertThat(status(jobId, contacts.get(0))).isEqualTo("skipped_opt_out");
        assertThat(status(jobId, contacts.get(1))).isEqualTo("sent");
        assertThat(twilioRequests()).isEqualTo(1);
        assertThat(progress(jobId).get("counts").get("skippedOptOut").getIntValue()).isEqualTo(1);
    }

    @Test
    void recipientLeftSendingByACrashedWorker_isNeverResent_andReportedFailedUnknownOnceStale() {
        List<UUID> contacts = contacts(2);
        UUID jobId = rig.createJob(withContacts(contacts));
        List<Message> messages = rig.poller.receive();
        // The worker died between its claim and Twilio's answer: the row stays "sending", the message comes back.
        data.execute("update bulk_sms_recipients set status = 'sending', attempts = 1 where contact_id = ?",
                contacts.get(0));
        rig.poller.settle(messages, rig.poller.invoke(messages));

        assertThat(status(jobId, contacts.get(0))).isEqualTo("sending");
        assertThat(progress(jobId).get("status").getStringValue()).isEqualTo("in_progress");
        data.execute("update bulk_sms_recipients set updated_at = now() - interval '1 hour' where contact_id = ?",
                contacts.get(0));
        rig.poller.invoke(messages);

        assertThat(twilioRequests()).isEqualTo(1);
        JsonNode progress = progress(jobId);
        assertThat(progress.get("status").getStringValue()).isEqualTo("completed");
        assertThat(progress.get("counts").get("failedUnknown").getIntValue()).isEqualTo(1);
        assertThat(progress.get("counts").get("sent").getIntValue()).isEqualTo(1);
    }

    @Test
    void sampleEvent_isHandledAsLambdaDeliversIt() {
        data.execute("insert into bulk_sms_jobs (id, created_by, body) values (?, ?, 'Hi {{firstName}}')", SAMPLE_JOB,
                SampleUsers.AGENT1);
        data.execute("insert into bulk_sms_recipients (job_id, contact_id, status) values (?, ?, 'queued'), "
                + "(?, ?, 'queued')", SAMPLE_JOB, C1, SAMPLE_JOB, C2);
        SQSEvent event = LambdaEvents.parse(LambdaEvents.json("bulk-sms-worker/batch.json"), SQSEvent.class);

        SQSBatchResponse answer = rig.worker.handleRequest(event, new TestLambdaContext("bulk-sms-worker"));

        assertThat(answer.getBatchItemFailures()).isEmpty();
        assertThat(data.column("select body from messages where bulk_job_id = ? order by body", SAMPLE_JOB))
                .containsExactly("Hi Road", "Hi Wile");
        assertThat(data.value("select status from bulk_sms_jobs where id = ?", SAMPLE_JOB)).isEqualTo("completed");
    }

    @Test
    void unreadableQueueMessage_isReportedForRedelivery_othersInTheBatchStillSent() {
        UUID jobId = rig.createJob(withContacts(contacts(1)));
        String unreadable = "{\"jobId\": 42}";
        LocalSqs.instance().client().sendMessage(b -> b.queueUrl(rig.queues.url()).messageBody(unreadable));
        List<Message> messages = rig.poller.receive();
        assertThat(messages).hasSize(2);

        SQSBatchResponse answer = rig.poller.invoke(messages);

        assertThat(answer.getBatchItemFailures()).hasSize(1);
        assertThat(messages.stream().filter(m -> m.body().equals(unreadable)).map(Message::messageId))
                .containsExactly(answer.getBatchItemFailures().get(0).getItemIdentifier());
        assertThat(data.value("select count(*) from messages where bulk_job_id = ?", jobId)).isEqualTo(1L);
        rig.poller.settle(messages, answer);
    }

    private static JsonNode progress(UUID jobId) {
        APIGatewayV2HTTPEvent event = LambdaEvents.http("bulk-sms/get.json",
                json -> json.replace(SAMPLE_JOB.toString(), jobId.toString()));
        return rig.parse(rig.invokeApi(event).getBody());
    }

    private static APIGatewayV2HTTPEvent withContacts(List<UUID> ids) {
        APIGatewayV2HTTPEvent event = LambdaEvents.http("bulk-sms/create.json");
        StringBuilder list = new StringBuilder();
        for (UUID id : ids) {
            list.append(list.isEmpty() ? "" : ",").append('"').append(id).append('"');
        }
        event.setBody("{\"body\": \"Hi {{firstName}}, our {{event}} starts soon.\", "
                + "\"variables\": {\"event\": \"sale\"}, \"contactIds\": [" + list + "]}");
        return event;
    }

    /** Contacts of agent 1 numbered +1555030000i in id order, so a test can tell which one comes first in a message. */
    private static List<UUID> contacts(int count) {
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            UUID id = UUID.fromString(String.format("3b000000-0000-4000-8000-%012d", i));
            data.contact(id, SampleUsers.AGENT1, "Person" + i, String.format("+1555030%04d", i));
            ids.add(id);
        }
        return ids;
    }

    private static String status(UUID jobId, UUID contactId) {
        return (String) data.value("select status from bulk_sms_recipients where job_id = ? and contact_id = ?", jobId,
                contactId);
    }

    private static int twilioRequests() {
        return rig.twilio.countRequestsMatching(postRequestedFor(urlPathEqualTo(BulkSmsRig.MESSAGES_PATH))
                .withHeader("Host", equalTo("api.twilio.com")).build()).getCount();
    }

    private static String messageNaming(List<Message> messages, UUID contactId) {
        return messages.stream().filter(m -> m.body().contains(contactId.toString())).map(Message::messageId)
                .findFirst().orElseThrow();
    }

    private static SQSBatchResponse failedAll(List<Message> messages) {
        return new SQSBatchResponse(messages.stream()
                .map(m -> new SQSBatchResponse.BatchItemFailure(m.messageId())).toList());
    }
}
