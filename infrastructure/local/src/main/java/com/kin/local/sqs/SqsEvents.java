package com.kin.local.sqs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.kin.local.template.LocalStack;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.services.sqs.model.Message;

/** The SQS event Lambda's event source mapping sends, and how it reads a partial batch response. */
final class SqsEvents {

    private static final ObjectMapper JSON = new ObjectMapper();

    private SqsEvents() {
    }

    static byte[] event(List<Message> messages, String queueArn) {
        ObjectNode event = JSON.createObjectNode();
        ArrayNode records = event.putArray("Records");
        for (Message message : messages) {
            ObjectNode record = records.addObject();
            record.put("messageId", message.messageId());
            record.put("receiptHandle", message.receiptHandle());
            record.put("body", message.body());
            ObjectNode attributes = record.putObject("attributes");
            message.attributesAsStrings().forEach(attributes::put);
            ObjectNode messageAttributes = record.putObject("messageAttributes");
            message.messageAttributes().forEach((name, value) -> {
                ObjectNode attribute = messageAttributes.putObject(name);
                attribute.put("stringValue", value.stringValue());
                attribute.put("binaryValue", value.binaryValue() == null ? null
                        : Base64.getEncoder().encodeToString(value.binaryValue().asByteArray()));
                attribute.putArray("stringListValues");
                attribute.putArray("binaryListValues");
                attribute.put("dataType", value.dataType());
            });
            record.put("md5OfBody", message.md5OfBody());
            if (message.md5OfMessageAttributes() != null) {
                record.put("md5OfMessageAttributes", message.md5OfMessageAttributes());
            }
            record.put("eventSource", "aws:sqs");
            record.put("eventSourceARN", queueArn);
            record.put("awsRegion", LocalStack.REGION);
        }
        try {
            return JSON.writeValueAsBytes(event);
        } catch (IOException e) {
            throw new UncheckedIOException("sqs - cannot write the SQS event", e);
        }
    }

    /**
     * The message ids a ReportBatchItemFailures response names as failed. Empty: every message succeeded. Absent:
     * the response is unusable (an empty or unknown itemIdentifier), so Lambda treats the whole batch as failed.
     */
    static Optional<Set<String>> failedMessageIds(byte[] response, List<Message> batch) {
        Set<String> inBatch = new HashSet<>(batch.stream().map(Message::messageId).toList());
        JsonNode failures;
        try {
            JsonNode root = JSON.readTree(response);
            failures = root == null ? null : root.path("batchItemFailures");
        } catch (IOException e) {
            return Optional.empty();
        }
        Set<String> failed = new HashSet<>();
        if (failures == null || failures.isMissingNode() || failures.isNull()) {
            return Optional.of(failed);
        }
        for (JsonNode failure : failures) {
            String id = failure.path("itemIdentifier").asText("");
            if (!inBatch.contains(id)) {
                return Optional.empty();
            }
            failed.add(id);
        }
        return Optional.of(failed);
    }
}
