package com.kin.bulksmsworker;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.kin.observability.testing.CapturedLogs;
import com.kin.observability.testing.CapturedStdout;
import com.kin.testing.TestLambdaContext;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The worker logs and counts like an HTTP function: Powertools' Lambda fields, {@code cold_start}, the invocation's
 * request id, the SQS message id as {@code correlation_id} of the lines about that record, and one {@code ColdStart}
 * per instance in its EMF output.
 */
class WorkerObservabilityIT {

    static BulkSmsRig rig;

    @BeforeAll
    static void start() {
        rig = new BulkSmsRig();
    }

    @AfterAll
    static void stop() {
        rig.close();
    }

    @Test
    void everyLineOfARecord_carriesItsMessageIdAsCorrelationId_andColdStartIsTheFirstInvocationOnly() {
        BulkSmsWorkerHandler worker = rig.freshWorkerHandler();
        TestLambdaContext first = new TestLambdaContext("kin-dev-bulk-sms-worker");
        TestLambdaContext second = new TestLambdaContext("kin-dev-bulk-sms-worker");
        String unknownJob = "{\"jobId\":\"" + UUID.randomUUID() + "\",\"contactIds\":[\"" + UUID.randomUUID() + "\"]}";

        try (CapturedLogs logs = CapturedLogs.start(); CapturedStdout stdout = CapturedStdout.start()) {
            SQSBatchResponse answer = worker.handleRequest(event("msg-unknown-job", unknownJob), first);
            worker.handleRequest(event("msg-not-json", "not a batch"), second);

            assertThat(answer.getBatchItemFailures()).extracting(SQSBatchResponse.BatchItemFailure::getItemIdentifier)
                    .containsExactly("msg-unknown-job");
            JsonNode notFound = line(logs, "bulk sms worker - job ");
            assertThat(notFound.path("correlation_id").asText()).isEqualTo("msg-unknown-job");
            assertThat(notFound.path("request_id").asText()).isEqualTo(first.getAwsRequestId());
            assertThat(notFound.path("function_request_id").asText()).isEqualTo(first.getAwsRequestId());
            assertThat(notFound.path("function_name").asText()).isEqualTo("kin-dev-bulk-sms-worker");
            assertThat(notFound.path("cold_start").asText()).isEqualTo("true");
            JsonNode unreadable = line(logs, "bulk sms worker - queue message msg-not-json failed");
            assertThat(unreadable.path("correlation_id").asText()).isEqualTo("msg-not-json");
            assertThat(unreadable.path("function_request_id").asText()).isEqualTo(second.getAwsRequestId());
            assertThat(unreadable.path("cold_start").asText()).isEqualTo("false");
            assertThat(unreadable.path("error").path("name").asText()).endsWith("BadRequestError");
            int coldStarts = stdout.emfDocuments().stream().mapToInt(document -> document.values("ColdStart").size())
                    .sum();
            assertThat(coldStarts).isEqualTo(1);
        }
    }

    private static JsonNode line(CapturedLogs logs, String prefix) {
        List<JsonNode> lines = logs.withMessage(prefix);
        assertThat(lines).as("a line starting with '" + prefix + "' in " + logs.raw()).isNotEmpty();
        return lines.get(0);
    }

    private static SQSEvent event(String messageId, String body) {
        SQSEvent.SQSMessage record = new SQSEvent.SQSMessage();
        record.setMessageId(messageId);
        record.setBody(body);
        record.setAttributes(Map.of(QueueBatchProcessor.RECEIVE_COUNT, "1"));
        record.setEventSource("aws:sqs");
        SQSEvent event = new SQSEvent();
        event.setRecords(List.of(record));
        return event;
    }
}
