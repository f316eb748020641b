package com.kin.local.services;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.kin.local.template.LocalStack;
import com.kin.local.template.ResourceSpec;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.elasticmq.NodeAddress;
import org.elasticmq.rest.sqs.SQSRestServer;
import org.elasticmq.rest.sqs.SQSRestServerBuilder;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * ElasticMQ, an SQS-compatible server, in this JVM, with the queues of template.yaml and their redrive policies.
 * Queue URLs are {@code http://127.0.0.1:PORT/000000000000/<name>}, what {@code !Ref Queue} resolves to locally.
 */
public final class LocalSqs implements AutoCloseable {

    /** The AWS::SQS::Queue properties that are queue attributes, under the same names. */
    private static final Set<String> ATTRIBUTES = Set.of("DelaySeconds", "MaximumMessageSize", "MessageRetentionPeriod",
            "ReceiveMessageWaitTimeSeconds", "VisibilityTimeout", "FifoQueue", "ContentBasedDeduplication");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final SQSRestServer server;
    private final int port;
    private final SqsClient client;

    private LocalSqs(SQSRestServer server, int port) {
        this.server = server;
        this.port = port;
        this.client = AwsClients.sqs(endpoint());
    }

    public static LocalSqs start() {
        int port = FreePorts.find();
        SQSRestServer server = SQSRestServerBuilder.withInterface("127.0.0.1").withPort(port)
                .withServerAddress(new NodeAddress("http", "127.0.0.1", port, ""))
                .withAWSRegion(LocalStack.REGION).withAWSAccountId(LocalStack.ACCOUNT_ID).start();
        server.waitUntilStarted();
        return new LocalSqs(server, port);
    }

    public String endpoint() {
        return "http://127.0.0.1:" + port;
    }

    /** The client the event source pollers share (thread-safe, like every AWS SDK client). */
    public SqsClient client() {
        return client;
    }

    /** Creates the queues, dead-letter queues first so that redrive policies can name them. */
    public void createQueues(List<ResourceSpec> queues) {
        queues.stream().sorted(Comparator.comparing(queue -> queue.properties().containsKey("RedrivePolicy")))
                .forEach(queue -> client.createQueue(request -> request.queueName(queue.name())
                        .attributesWithStrings(attributes(queue))));
    }

    private static Map<String, String> attributes(ResourceSpec queue) {
        Map<String, String> attributes = new HashMap<>();
        queue.properties().forEach((name, value) -> {
            if (ATTRIBUTES.contains(name)) {
                attributes.put(name, String.valueOf(value));
            }
        });
        Object redrive = queue.properties().get("RedrivePolicy");
        if (redrive != null) {
            try {
                attributes.put(QueueAttributeName.REDRIVE_POLICY.toString(), JSON.writeValueAsString(redrive));
            } catch (JsonProcessingException e) {
                throw new IllegalArgumentException("Resources." + queue.logicalId() + ".Properties.RedrivePolicy - " + e, e);
            }
        }
        return attributes;
    }

    @Override
    public void close() {
        client.close();
        server.stopAndWait();
    }
}
