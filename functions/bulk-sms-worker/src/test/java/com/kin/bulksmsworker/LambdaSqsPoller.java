package com.kin.bulksmsworker;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.kin.testing.LocalSqs;
import com.kin.testing.TestLambdaContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;

/**
 * Does what Lambda's SQS event source does with ReportBatchItemFailures: receives up to ten messages, hands them to the
 * function as one SQSEvent, deletes the ones it did not name as failed and leaves the failed ones to come back. Instead
 * of waiting out the visibility timeout, a failed message is made visible again at once; its receive count still grows,
 * so the queue's redrive policy moves it to the dead-letter queue after maxReceiveCount deliveries.
 */
final class LambdaSqsPoller {

    static final int BATCH_SIZE = 10;

    private final SqsClient sqs = LocalSqs.instance().client();
    private final String queueUrl;
    private final Function<SQSEvent, SQSBatchResponse> function;

    LambdaSqsPoller(String queueUrl, BulkSmsWorkerHandler handler) {
        this.queueUrl = queueUrl;
        this.function = event -> handler.handleRequest(event, new TestLambdaContext("bulk-sms-worker"));
    }

    /** Polls until a receive comes back empty; returns how many invocations that took. */
    int drain(int maxInvocations) {
        int invocations = 0;
        while (pollOnce()) {
            if (++invocations > maxInvocations) {
                throw new AssertionError("queue not drained after " + maxInvocations + " invocations");
            }
        }
        return invocations;
    }

    /** One receive, invocation and settlement; false when there was nothing to receive. */
    boolean pollOnce() {
        List<Message> messages = receive();
        if (messages.isEmpty()) {
            return false;
        }
        settle(messages, function.apply(event(messages)));
        return true;
    }

    List<Message> receive() {
        return sqs.receiveMessage(b -> b.queueUrl(queueUrl).maxNumberOfMessages(BATCH_SIZE)
                .messageSystemAttributeNames(MessageSystemAttributeName.ALL)).messages();
    }

    SQSBatchResponse invoke(List<Message> messages) {
        return function.apply(event(messages));
    }

    /** Deletes what succeeded (one DeleteMessageBatch, as Lambda does); what failed becomes visible again. */
    void settle(List<Message> messages, SQSBatchResponse response) {
        Set<String> failed = response.getBatchItemFailures().stream()
                .map(SQSBatchResponse.BatchItemFailure::getItemIdentifier).collect(Collectors.toSet());
        List<DeleteMessageBatchRequestEntry> done = new ArrayList<>();
        for (Message message : messages) {
            if (failed.contains(message.messageId())) {
                sqs.changeMessageVisibility(b -> b.queueUrl(queueUrl).receiptHandle(message.receiptHandle())
                        .visibilityTimeout(0));
            } else {
                done.add(DeleteMessageBatchRequestEntry.builder().id("d" + done.size())
                        .receiptHandle(message.receiptHandle()).build());
            }
        }
        if (!done.isEmpty()) {
            sqs.deleteMessageBatch(b -> b.queueUrl(queueUrl).entries(done));
        }
    }

    /** The SQSEvent Lambda builds from received messages. */
    SQSEvent event(List<Message> messages) {
        String queueName = queueUrl.substring(queueUrl.lastIndexOf('/') + 1);
        List<SQSEvent.SQSMessage> records = new ArrayList<>();
        for (Message message : messages) {
            SQSEvent.SQSMessage record = new SQSEvent.SQSMessage();
            record.setMessageId(message.messageId());
            record.setReceiptHandle(message.receiptHandle());
            record.setBody(message.body());
            record.setMd5OfBody(message.md5OfBody());
            record.setAttributes(message.attributesAsStrings());
            record.setMessageAttributes(Map.of());
            record.setEventSource("aws:sqs");
            record.setEventSourceArn("arn:aws:sqs:us-east-1:" + LocalSqs.ACCOUNT_ID + ":" + queueName);
            record.setAwsRegion("us-east-1");
            records.add(record);
        }
        SQSEvent event = new SQSEvent();
        event.setRecords(records);
        return event;
    }
}
