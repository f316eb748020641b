package com.kin.bulksmsworker;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.kin.core.domain.BulkSmsBatch;
import com.kin.core.error.BadRequestError;
import com.kin.core.error.KinException;
import com.kin.observability.invocation.InvocationObservability;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Handles one SQS event: each queue message separately, answering with the messages to deliver again (partial batch
 * response), so a retry never repeats the messages that went through. A message that fails with a KIN error (database
 * unavailable, unreadable body) is reported for redelivery and, after the redrive count, dead-letters; anything else is
 * a bug and fails the invocation, which SQS answers by delivering the whole batch again (safe: sent recipients are
 * skipped).
 *
 * <p>Observability as an HTTP function has it ({@link InvocationObservability}): every line carries the invocation's
 * request id, {@code cold_start}, and as {@code correlation_id} the SQS message id of the record being worked on; the
 * first invocation of an instance counts a {@code ColdStart}; server-side failures (a KIN error with a 5xx status, or a
 * bug) go to Sentry when it is configured; the metrics are written at the end of the invocation.
 */
@Singleton
final class QueueBatchProcessor {

    static final String RECEIVE_COUNT = "ApproximateReceiveCount";
    private static final Logger LOG = LoggerFactory.getLogger(QueueBatchProcessor.class);

    private final JobBatchSender sender;
    private final WorkerConfig config;
    private final JsonMapper json;
    private final InvocationObservability observability;

    QueueBatchProcessor(JobBatchSender sender, WorkerConfig config, JsonMapper json,
                        InvocationObservability observability) {
        this.sender = sender;
        this.config = config;
        this.json = json;
        this.observability = observability;
    }

    SQSBatchResponse process(SQSEvent event) {
        List<SQSBatchResponse.BatchItemFailure> failures = new ArrayList<>();
        // MicronautRequestHandler has handed the Lambda context to Powertools before execute().
        observability.begin(null);
        try {
            List<SQSEvent.SQSMessage> messages = event == null || event.getRecords() == null ? List.of()
                    : event.getRecords();
            for (SQSEvent.SQSMessage message : messages) {
                if (!handledCorrelated(message)) {
                    failures.add(new SQSBatchResponse.BatchItemFailure(message.getMessageId()));
                }
            }
        } finally {
            observability.end();
        }
        return new SQSBatchResponse(failures);
    }

    private boolean handledCorrelated(SQSEvent.SQSMessage message) {
        observability.correlate(message.getMessageId());
        try {
            return handled(message);
        } catch (RuntimeException e) {
            LOG.error("bulk sms worker - queue message {} failed unexpectedly; the whole batch will be delivered again",
                    message.getMessageId(), e);
            observability.report(e);
            throw e;
        } finally {
            observability.uncorrelate();
        }
    }

    private boolean handled(SQSEvent.SQSMessage message) {
        try {
            return !sender.send(parse(message), isLastDelivery(message));
        } catch (KinException e) {
            LOG.error("bulk sms worker - queue message {} failed; it will be delivered again", message.getMessageId(), e);
            if (e.isServerFault()) {
                observability.report(e);
            }
            return false;
        }
    }

    private BulkSmsBatch parse(SQSEvent.SQSMessage message) {
        try {
            BulkSmsBatch batch = json.readValue(message.getBody(), BulkSmsBatch.class);
            if (batch == null || batch.jobId() == null || batch.contactIds() == null || batch.contactIds().isEmpty()) {
                throw new BadRequestError("bulk sms worker - queue message " + message.getMessageId()
                        + " names no job or no contacts");
            }
            return batch;
        } catch (IOException e) {
            throw new BadRequestError("bulk sms worker - queue message " + message.getMessageId()
                    + " is not a bulk SMS batch", Map.of(), e);
        }
    }

    /** Whether SQS will dead-letter the message if this delivery asks for another one. */
    private boolean isLastDelivery(SQSEvent.SQSMessage message) {
        String count = message.getAttributes() == null ? null : message.getAttributes().get(RECEIVE_COUNT);
        try {
            return count != null && Integer.parseInt(count) >= config.maxReceiveCount();
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
