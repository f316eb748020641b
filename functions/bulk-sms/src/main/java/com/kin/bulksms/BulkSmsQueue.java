package com.kin.bulksms;

import com.kin.core.domain.BulkSmsBatch;
import com.kin.core.error.ExternalServiceError;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.BatchResultErrorEntry;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchResponse;

/**
 * Puts a job's queued recipients on the work queue: {@code BULK_SMS_RECIPIENTS_PER_MESSAGE} contact ids per message
 * ({@link BulkSmsBatch}), ten messages per SendMessageBatch call (the most SQS takes). Entries SQS reports as failed on
 * its side are sent again; when some still fail, or SQS cannot be reached, the whole operation fails.
 */
@Singleton
final class BulkSmsQueue {

    static final int ENTRIES_PER_CALL = 10;
    private static final int ATTEMPTS = 3;
    private static final String SERVICE = "sqs";

    private final SqsClient sqs;
    private final BulkSmsConfig config;
    private final JsonMapper json;

    BulkSmsQueue(SqsClient sqs, BulkSmsConfig config, JsonMapper json) {
        this.sqs = sqs;
        this.config = config;
        this.json = json;
    }

    void enqueue(UUID jobId, List<UUID> contactIds) {
        List<SendMessageBatchRequestEntry> entries = entries(jobId, contactIds);
        for (int from = 0; from < entries.size(); from += ENTRIES_PER_CALL) {
            send(entries.subList(from, Math.min(from + ENTRIES_PER_CALL, entries.size())));
        }
    }

    private List<SendMessageBatchRequestEntry> entries(UUID jobId, List<UUID> contactIds) {
        int size = config.recipientsPerMessage();
        List<SendMessageBatchRequestEntry> entries = new ArrayList<>();
        for (int from = 0; from < contactIds.size(); from += size) {
            List<UUID> chunk = contactIds.subList(from, Math.min(from + size, contactIds.size()));
            String body = toJson(new BulkSmsBatch(jobId, List.copyOf(chunk)));
            // Ids only need to be unique within one SendMessageBatch call.
            String id = "m" + (entries.size() % ENTRIES_PER_CALL);
            entries.add(SendMessageBatchRequestEntry.builder().id(id).messageBody(body).build());
        }
        return entries;
    }

    private void send(List<SendMessageBatchRequestEntry> entries) {
        List<SendMessageBatchRequestEntry> pending = entries;
        for (int attempt = 1; ; attempt++) {
            SendMessageBatchResponse response = call(pending);
            List<BatchResultErrorEntry> failed = response.hasFailed() ? response.failed() : List.of();
            if (failed.isEmpty()) {
                return;
            }
            if (attempt == ATTEMPTS || failed.stream().anyMatch(BatchResultErrorEntry::senderFault)) {
                BatchResultErrorEntry first = failed.get(0);
                throw ExternalServiceError.failed(SERVICE, null, "bulk sms - SQS refused " + failed.size() + " of "
                        + pending.size() + " queue messages (" + first.code() + ": " + first.message() + ")", null);
            }
            Set<String> retry = failed.stream().map(BatchResultErrorEntry::id).collect(Collectors.toSet());
            pending = pending.stream().filter(entry -> retry.contains(entry.id())).toList();
        }
    }

    private SendMessageBatchResponse call(List<SendMessageBatchRequestEntry> entries) {
        try {
            return sqs.sendMessageBatch(request -> request.queueUrl(config.queueUrl()).entries(entries));
        } catch (SdkException e) {
            throw ExternalServiceError.failed(SERVICE, null, "bulk sms - could not queue the job's messages: "
                    + e.getMessage(), e);
        }
    }

    private String toJson(BulkSmsBatch batch) {
        try {
            return json.writeValueAsString(batch);
        } catch (IOException e) {
            throw new UncheckedIOException("bulk sms - could not write a queue message for job " + batch.jobId(), e);
        }
    }
}
