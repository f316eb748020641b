package com.kin.local.sqs;

import com.kin.local.LogStream;
import com.kin.local.lambda.FunctionPool;
import com.kin.local.lambda.Invocation;
import com.kin.local.lambda.InvocationResult;
import com.kin.local.template.FunctionSpec.SqsSourceSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;

/**
 * An SQS event source mapping: polls the queue, invokes the function with batches of up to BatchSize messages and
 * deletes what succeeded. A failed invocation leaves the whole batch; with ReportBatchItemFailures only the named
 * messages stay. What stays becomes visible again after the queue's VisibilityTimeout, and the queue's redrive
 * policy moves it to the dead-letter queue after maxReceiveCount receives.
 */
public final class SqsEventSource implements AutoCloseable {

    private static final int SQS_MAX_MESSAGES = 10;
    private static final int POLL_WAIT_SECONDS = 1;

    private final SqsSourceSpec spec;
    private final String queueUrl;
    private final String queueArn;
    private final FunctionPool pool;
    private final SqsClient sqs;
    private final LogStream log;
    private final Thread poller;
    private volatile boolean running = true;

    public SqsEventSource(SqsSourceSpec spec, String queueUrl, String queueArn, FunctionPool pool, SqsClient sqs,
                          LogStream log) {
        this.spec = spec;
        this.queueUrl = queueUrl;
        this.queueArn = queueArn;
        this.pool = pool;
        this.sqs = sqs;
        this.log = log;
        this.poller = new Thread(this::poll, "sqs-" + pool.function().logicalId() + "-" + spec.eventName());
        this.poller.setDaemon(true);
    }

    public void start() {
        poller.start();
    }

    private void poll() {
        while (running) {
            try {
                List<Message> batch = receiveBatch();
                if (!batch.isEmpty() && running) {
                    deliver(batch);
                }
            } catch (SdkException e) {
                if (running) {
                    log.info("%s: polling %s failed: %s", pool.function().logicalId(), queueUrl, e.getMessage());
                    pause();
                }
            }
        }
    }

    /** Up to BatchSize messages: SQS hands out at most 10 per receive, so larger batches take several receives. */
    private List<Message> receiveBatch() {
        List<Message> batch = new ArrayList<>();
        while (running && batch.size() < spec.batchSize()) {
            int wanted = Math.min(SQS_MAX_MESSAGES, spec.batchSize() - batch.size());
            List<Message> received = sqs.receiveMessage(request -> request.queueUrl(queueUrl)
                    .maxNumberOfMessages(wanted).waitTimeSeconds(batch.isEmpty() ? POLL_WAIT_SECONDS : 0)
                    .messageSystemAttributeNames(MessageSystemAttributeName.ALL)
                    .messageAttributeNames("All")).messages();
            batch.addAll(received);
            if (received.size() < wanted) {
                break;
            }
        }
        return batch;
    }

    private void deliver(List<Message> batch) {
        Invocation invocation = pool.invoke(SqsEvents.event(batch, queueArn));
        InvocationResult result;
        try {
            result = invocation.result().get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
            return;
        } catch (ExecutionException e) {
            throw new IllegalStateException("sqs - invocation failed without a result", e.getCause());
        }
        List<Message> done = succeeded(batch, result);
        if (done.size() < batch.size()) {
            log.info("%s: %d of %d messages failed and stay on %s for redelivery", pool.function().logicalId(),
                    batch.size() - done.size(), batch.size(), queueUrl);
        }
        delete(done);
    }

    private List<Message> succeeded(List<Message> batch, InvocationResult result) {
        if (result instanceof InvocationResult.Failure) {
            return List.of();
        }
        if (!spec.reportBatchItemFailures()) {
            return batch;
        }
        Optional<Set<String>> failed = SqsEvents.failedMessageIds(result.payload(), batch);
        if (failed.isEmpty()) {
            log.info("%s: the batch item failures response is unusable; the whole batch is retried",
                    pool.function().logicalId());
            return List.of();
        }
        return batch.stream().filter(message -> !failed.get().contains(message.messageId())).toList();
    }

    private void delete(List<Message> messages) {
        for (int from = 0; from < messages.size(); from += SQS_MAX_MESSAGES) {
            List<Message> chunk = messages.subList(from, Math.min(messages.size(), from + SQS_MAX_MESSAGES));
            List<DeleteMessageBatchRequestEntry> entries = new ArrayList<>();
            for (int i = 0; i < chunk.size(); i++) {
                entries.add(DeleteMessageBatchRequestEntry.builder().id(String.valueOf(i))
                        .receiptHandle(chunk.get(i).receiptHandle()).build());
            }
            sqs.deleteMessageBatch(request -> request.queueUrl(queueUrl).entries(entries));
        }
    }

    private void pause() {
        try {
            Thread.sleep(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    @Override
    public void close() {
        running = false;
        poller.interrupt();
    }
}
