package com.kin.bulksms;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.kin.data.SqlMetrics;
import com.kin.testing.LambdaEvents;
import com.kin.testing.LocalSqs;
import com.kin.testing.SampleUsers;
import com.kin.testing.TestDatabase;
import io.micronaut.json.tree.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * POST /api/messages/bulk and GET /api/messages/bulk/{jobId} through the real handler, fed the events/bulk-sms samples,
 * against embedded Postgres and ElasticMQ: what is written, what is queued, what each role may see.
 */
class BulkSmsHandlerIT {

    static final UUID C1 = UUID.fromString("10000000-0000-4000-8000-000000000001");
    static final UUID C2 = UUID.fromString("10000000-0000-4000-8000-000000000002");
    static final UUID JOB = UUID.fromString("2b000000-0000-4000-8000-000000000001");
    static final UUID TEMPLATE = UUID.fromString("2b000000-0000-4000-8000-000000000101");

    static TestDatabase db;
    static BulkSmsData data;
    static LocalSqs.Queues queues;
    static BulkSmsFunction function;

    @BeforeAll
    static void start() {
        db = TestDatabase.get();
        data = new BulkSmsData(db.dataSource());
        queues = LocalSqs.instance().createQueueWithDeadLetter(LocalSqs.uniqueQueueName("bulk-sms-api"), 5,
                Duration.ofSeconds(30));
    }

    @AfterEach
    void stop() {
        function.close();
    }

    /**
     * A fresh instance over a fresh idempotency table per test: the samples carry an Idempotency-Key, so a shared table
     * would replay an earlier test's job (from a database since reset) instead of creating one.
     */
    @BeforeEach
    void data() {
        function = new BulkSmsFunction(BulkSmsFunction.environment(db, queues.url()));
        receiveAll();
        db.truncateAll();
        SampleUsers.insert(db.dataSource());
        data.contact(C1, SampleUsers.AGENT1, "Wile", "+15550100001", false, "vip");
        data.contact(C2, SampleUsers.AGENT2, "Road", "+15550100002", false, "vip");
    }

    @Test
    void create_queuesTheCallersContacts_rejectsOthers_answers202() {
        APIGatewayV2HTTPResponse response = function.invoke(LambdaEvents.http("bulk-sms/create.json"));

        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(202);
        JsonNode body = function.body(response);
        UUID jobId = UUID.fromString(body.get("jobId").getStringValue());
        assertThat(response.getHeaders()).containsEntry("Location", "/api/messages/bulk/" + jobId);
        assertThat(body.get("status").getStringValue()).isEqualTo("in_progress");
        assertThat(body.get("counts").get("total").getIntValue()).isEqualTo(1);
        assertThat(body.get("counts").get("queued").getIntValue()).isEqualTo(1);
        assertThat(body.get("rejectedIds").get(0).getStringValue()).isEqualTo(C2.toString());
        assertThat(data.column("select contact_id from bulk_sms_recipients where job_id = ? and status = 'queued'",
                jobId)).containsExactly(C1);
        assertThat(data.value("select created_by from bulk_sms_jobs where id = ?", jobId)).isEqualTo(SampleUsers.AGENT1);
        List<Message> queued = receiveAll();
        assertThat(queued).hasSize(1);
        JsonNode batch = function.parse(queued.get(0).body());
        assertThat(batch.get("jobId").getStringValue()).isEqualTo(jobId.toString());
        assertThat(batch.get("contactIds").size()).isEqualTo(1);
        assertThat(batch.get("contactIds").get(0).getStringValue()).isEqualTo(C1.toString());
    }

    @Test
    void create_optedOutAndNumberlessContacts_startSettled_andNothingIsQueued() {
        data.execute("update contacts set sms_opt_out = true where id = ?", C1);
        UUID numberless = UUID.randomUUID();
        data.contact(numberless, SampleUsers.AGENT1, "Nophone", null, false);

        APIGatewayV2HTTPResponse response = function.invoke(withContacts(C1, numberless));

        JsonNode body = function.body(response);
        assertThat(response.getStatusCode()).isEqualTo(202);
        assertThat(body.get("status").getStringValue()).isEqualTo("completed");
        assertThat(body.get("counts").get("skippedOptOut").getIntValue()).isEqualTo(1);
        assertThat(body.get("counts").get("failed").getIntValue()).isEqualTo(1);
        assertThat(data.value("select error_code from bulk_sms_recipients where contact_id = ?", numberless))
                .isEqualTo("no_phone_number");
        assertThat(receiveAll()).isEmpty();
    }

    @Test
    void create_splitsRecipientsIntoQueueMessagesOfTheConfiguredSize() {
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            UUID id = UUID.randomUUID();
            data.contact(id, SampleUsers.AGENT1, "Bulk" + i, String.format("+1555020%04d", i), false);
            ids.add(id);
        }

        APIGatewayV2HTTPResponse response = function.invoke(withContacts(ids.toArray(UUID[]::new)));

        assertThat(response.getStatusCode()).isEqualTo(202);
        List<Integer> sizes = new ArrayList<>();
        Set<String> queuedIds = new HashSet<>();
        for (Message message : receiveAll()) {
            JsonNode contactIds = function.parse(message.body()).get("contactIds");
            sizes.add(contactIds.size());
            contactIds.values().forEach(id -> queuedIds.add(id.getStringValue()));
        }
        assertThat(sizes).containsExactlyInAnyOrder(25, 25, 10);
        assertThat(queuedIds).hasSize(60);
    }

    @Test
    void create_fromTemplateAndTag_takesTheTemplateBodyAndTheCallersTaggedContacts() {
        data.template(TEMPLATE, "Spring sale", "Hi {{firstName}}, see you {{date}}!", "firstName", "date");
        UUID tagged = UUID.randomUUID();
        data.contact(tagged, SampleUsers.AGENT1, "Tagged", "+15550100003", false, "vip", "lead");
        data.contact(UUID.randomUUID(), SampleUsers.AGENT1, "Untagged", "+15550100004", false, "lead");

        APIGatewayV2HTTPResponse response = function.invoke(LambdaEvents.http("bulk-sms/create-from-template.json"));

        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(202);
        UUID jobId = UUID.fromString(function.body(response).get("jobId").getStringValue());
        assertThat(data.column("select contact_id from bulk_sms_recipients where job_id = ? order by contact_id", jobId))
                .containsExactlyInAnyOrder(C1, tagged);
        assertThat(data.value("select body from bulk_sms_jobs where id = ?", jobId))
                .isEqualTo("Hi {{firstName}}, see you {{date}}!");
        assertThat(data.value("select template_id from bulk_sms_jobs where id = ?", jobId)).isEqualTo(TEMPLATE);
        assertThat(data.value("select variables ->> 'date' from bulk_sms_jobs where id = ?", jobId))
                .isEqualTo("Monday 9am");
    }

    @Test
    void create_invalidInput_returns400WithEveryFieldAndWritesNothing() {
        APIGatewayV2HTTPEvent event = LambdaEvents.http("bulk-sms/create.json");
        event.setBody("{\"body\": \"Hi {{firstName}}, {{event}}\", \"templateId\": \"" + TEMPLATE + "\", "
                + "\"contactIds\": [\"not-a-uuid\"], \"priority\": \"high\", \"variables\": {\"event\": 42}}");

        JsonNode problem = assertProblem(function.invoke(event), 400);

        assertThat(problem.get("errors").get("templateId")).isNotNull();
        assertThat(problem.get("errors").get("contactIds")).isNotNull();
        assertThat(problem.get("errors").get("priority").getStringValue()).isEqualTo("unknown field");
        assertThat(problem.get("errors").get("variables.event")).isNotNull();
        assertNothingWritten();
    }

    @Test
    void create_placeholdersWithoutValues_orValuesWithoutPlaceholders_return400() {
        APIGatewayV2HTTPEvent event = LambdaEvents.http("bulk-sms/create.json");
        event.setBody("{\"body\": \"Hi {{firstName}}, {{event}} on {{date}}\", \"variables\": {\"event\": \"sale\", "
                + "\"colour\": \"red\", \"firstName\": \"Bob\"}, \"contactIds\": [\"" + C1 + "\"]}");

        JsonNode errors = assertProblem(function.invoke(event), 400).get("errors");

        assertThat(errors.get("variables.date").getStringValue()).contains("missing");
        assertThat(errors.get("variables.colour").getStringValue()).contains("unknown");
        assertThat(errors.get("variables.firstName").getStringValue()).contains("each contact");
        assertNothingWritten();
    }

    @Test
    void create_unknownTemplate_returns400() {
        JsonNode problem = assertProblem(function.invoke(LambdaEvents.http("bulk-sms/create-from-template.json")), 400);

        assertThat(problem.get("errors").get("templateId")).isNotNull();
        assertNothingWritten();
    }

    @Test
    void create_tagMatchingMoreThanTenThousandContacts_returns422AndWritesNothing() {
        data.execute("insert into contacts (owner_id, first_name, mobile_phone, tags) "
                + "select ?, 'Many' || g, '+1556' || lpad(g::text, 7, '0'), array['vip'] from generate_series(1, 10000) g",
                SampleUsers.AGENT1);
        data.template(TEMPLATE, "Spring sale", "Hi {{firstName}}, see you {{date}}!", "firstName", "date");

        assertProblem(function.invoke(LambdaEvents.http("bulk-sms/create-from-template.json")), 422);

        assertNothingWritten();
    }

    @Test
    void create_whenTheQueueCannotBeReached_rollsTheJobBack() {
        Map<String, Object> environment = BulkSmsFunction.environment(db,
                LocalSqs.instance().endpoint() + "/" + LocalSqs.ACCOUNT_ID + "/no-such-queue");
        try (BulkSmsFunction broken = new BulkSmsFunction(environment)) {
            APIGatewayV2HTTPResponse response = broken.invoke(LambdaEvents.http("bulk-sms/create.json"));

            assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(502);
        }
        assertNothingWritten();
    }

    @Test
    void create_withIds_runsTwoStatements() {
        SqlMetrics metrics = function.bean(SqlMetrics.class);
        long before = metrics.statementCount();

        function.invoke(LambdaEvents.http("bulk-sms/create.json"));

        assertThat(metrics.statementCount() - before).isEqualTo(2);
    }

    @Test
    void create_retriedWithTheSameIdempotencyKey_createsOneJob_andReplaysTheAnswer() {
        APIGatewayV2HTTPEvent event = LambdaEvents.http("bulk-sms/create.json");
        event.getHeaders().put("idempotency-key", "bulk-" + UUID.randomUUID());

        APIGatewayV2HTTPResponse first = function.invoke(event);
        APIGatewayV2HTTPResponse retry = function.invoke(event);

        assertThat(first.getStatusCode()).as(first.getBody()).isEqualTo(202);
        assertThat(retry.getStatusCode()).as(retry.getBody()).isEqualTo(202);
        assertThat(function.body(retry).get("jobId").getStringValue())
                .isEqualTo(function.body(first).get("jobId").getStringValue());
        assertThat(data.value("select count(*) from bulk_sms_jobs")).isEqualTo(1L);
        assertThat(receiveAll()).hasSize(1);
    }

    @Test
    void create_withoutClaims_returns401() {
        APIGatewayV2HTTPEvent event = LambdaEvents.http("bulk-sms/create.json");
        event.getRequestContext().setAuthorizer(null);

        assertProblem(function.invoke(event), 401);
        assertNothingWritten();
    }

    @Test
    void progress_countsEveryRecipientState_andRunsOneStatement() {
        insertJob(JOB, SampleUsers.AGENT1);
        List<UUID> contacts = contacts(7);
        recipient(JOB, contacts.get(0), "queued", null, "now()");
        recipient(JOB, contacts.get(1), "sending", null, "now()");
        recipient(JOB, contacts.get(2), "sending", null, "now() - interval '1 hour'");
        recipient(JOB, contacts.get(3), "sent", null, "now()");
        recipient(JOB, contacts.get(4), "failed", "21211", "now()");
        recipient(JOB, contacts.get(5), "failed", "outcome_unknown", "now()");
        recipient(JOB, contacts.get(6), "skipped_opt_out", null, "now()");
        SqlMetrics metrics = function.bean(SqlMetrics.class);
        long before = metrics.statementCount();

        APIGatewayV2HTTPResponse response = function.invoke(LambdaEvents.http("bulk-sms/get.json"));

        assertThat(metrics.statementCount() - before).isEqualTo(1);
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(200);
        JsonNode job = function.body(response);
        assertThat(job.get("id").getStringValue()).isEqualTo(JOB.toString());
        assertThat(job.get("status").getStringValue()).isEqualTo("in_progress");
        JsonNode counts = job.get("counts");
        assertThat(List.of(counts.get("total").getIntValue(), counts.get("queued").getIntValue(),
                counts.get("sending").getIntValue(), counts.get("sent").getIntValue(), counts.get("failed").getIntValue(),
                counts.get("failedUnknown").getIntValue(), counts.get("skippedOptOut").getIntValue()))
                .containsExactly(7, 1, 1, 1, 1, 2, 1);
    }

    @Test
    void progress_anotherAgentsJob_returns404_butTheirManagerAndAnAdminSeeIt() {
        insertJob(JOB, SampleUsers.AGENT2);

        assertProblem(function.invoke(LambdaEvents.http("bulk-sms/get.json")), 404);
        assertThat(function.invoke(as("manager", SampleUsers.MANAGER, "sales")).getStatusCode()).isEqualTo(404);
        assertThat(function.invoke(as("admin", SampleUsers.ADMIN, null)).getStatusCode()).isEqualTo(200);
        data.execute("update users set department = 'sales' where id = ?", SampleUsers.AGENT2);
        assertThat(function.invoke(as("manager", SampleUsers.MANAGER, "sales")).getStatusCode()).isEqualTo(200);
    }

    @Test
    void progress_malformedJobId_returns400() {
        APIGatewayV2HTTPEvent event = LambdaEvents.http("bulk-sms/get.json",
                json -> json.replace(JOB.toString(), "not-a-job"));

        assertProblem(function.invoke(event), 400);
    }

    private static APIGatewayV2HTTPEvent withContacts(UUID... ids) {
        APIGatewayV2HTTPEvent event = LambdaEvents.http("bulk-sms/create.json");
        StringBuilder list = new StringBuilder();
        for (UUID id : ids) {
            list.append(list.isEmpty() ? "" : ",").append('"').append(id).append('"');
        }
        event.setBody("{\"body\": \"Hi {{firstName}}\", \"contactIds\": [" + list + "]}");
        return event;
    }

    private static APIGatewayV2HTTPEvent as(String role, UUID user, String department) {
        return LambdaEvents.as(LambdaEvents.http("bulk-sms/get.json"), user, role, department);
    }

    private static void insertJob(UUID id, UUID createdBy) {
        data.execute("insert into bulk_sms_jobs (id, created_by, body) values (?, ?, 'Hello')", id, createdBy);
    }

    private static List<UUID> contacts(int count) {
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            UUID id = UUID.randomUUID();
            data.contact(id, SampleUsers.AGENT1, "Person" + i, String.format("+1555030%04d", i), false);
            ids.add(id);
        }
        return ids;
    }

    private static void recipient(UUID job, UUID contact, String status, String errorCode, String updatedAt) {
        String messageId = status.equals("sent") ? "gen_random_uuid()" : "null";
        data.execute("insert into bulk_sms_recipients (job_id, contact_id, status, error_code, message_id, updated_at) "
                + "values (?, ?, ?, ?, " + messageId + ", " + updatedAt + ")", job, contact, status, errorCode);
    }

    private static void assertNothingWritten() {
        assertThat(data.value("select count(*) from bulk_sms_jobs")).isEqualTo(0L);
        assertThat(data.value("select count(*) from bulk_sms_recipients")).isEqualTo(0L);
        assertThat(receiveAll()).isEmpty();
    }

    private static JsonNode assertProblem(APIGatewayV2HTTPResponse response, int status) {
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(status);
        assertThat(response.getHeaders().get("Content-Type")).startsWith("application/problem+json");
        JsonNode problem = function.body(response);
        assertThat(problem.get("status").getIntValue()).isEqualTo(status);
        assertThat(response.getBody()).doesNotContain("Exception").doesNotContain("select ");
        return problem;
    }

    /** Takes every message off the work queue (receiving and deleting), so each test starts with it empty. */
    private static List<Message> receiveAll() {
        var sqs = LocalSqs.instance().client();
        List<Message> all = new ArrayList<>();
        while (true) {
            List<Message> batch = sqs.receiveMessage(b -> b.queueUrl(queues.url()).maxNumberOfMessages(10)).messages();
            if (batch.isEmpty()) {
                return all;
            }
            batch.forEach(m -> sqs.deleteMessage(b -> b.queueUrl(queues.url()).receiptHandle(m.receiptHandle())));
            all.addAll(batch);
        }
    }
}
