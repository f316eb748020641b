package com.kin.health;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.util.LinkedHashMap;
import java.util.Map;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;
import software.amazon.awssdk.services.sqs.model.QueueDoesNotExistException;

/** The bulk SMS work queue ({@code BULK_SMS_QUEUE_URL}): one GetQueueAttributes, which also gives its depth. */
@Singleton
final class QueueCheck implements HealthCheck {

    private final String queueUrl;
    private final SqsClient sqs;

    QueueCheck(QueueConfig config, @Nullable @Named(HealthClientsFactory.HEALTH) SqsClient sqs) {
        this.queueUrl = config.queue().orElse(null);
        this.sqs = sqs;
    }

    @Override
    public String name() {
        return "sqs";
    }

    @Override
    public int order() {
        return 40;
    }

    @Override
    public Outcome run() {
        if (queueUrl == null || sqs == null) {
            return Outcome.notConfigured("BULK_SMS_QUEUE_URL is not set");
        }
        String queue = queueName();
        try {
            Map<QueueAttributeName, String> attributes = sqs.getQueueAttributes(b -> b.queueUrl(queueUrl).attributeNames(
                    QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES,
                    QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE)).attributes();
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("queue", queue);
            details.put("messages", attributes.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES));
            details.put("inFlight", attributes.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE));
            return Outcome.ok("queue " + queue + " reachable", details);
        } catch (QueueDoesNotExistException e) {
            return Outcome.down("queue " + queue + " does not exist", Map.of("queue", queue));
        } catch (SdkException e) {
            return Outcome.down("GetQueueAttributes on " + queue + " failed: " + e.getMessage(), Map.of("queue", queue));
        }
    }

    /** The last path segment of the queue URL: its name, without the account id. */
    private String queueName() {
        return queueUrl.substring(queueUrl.lastIndexOf('/') + 1);
    }
}
