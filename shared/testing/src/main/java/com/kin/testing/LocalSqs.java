package com.kin.testing;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.elasticmq.rest.sqs.SQSRestServer;
import org.elasticmq.rest.sqs.SQSRestServerBuilder;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * ElasticMQ (an SQS-compatible server) inside the test JVM on a free port, started once per JVM and stopped when it
 * exits. It speaks the SQS JSON protocol of AWS SDK 2.x and honours redrive policies: a message received more than
 * {@code maxReceiveCount} times moves to the dead-letter queue on its next receive, as on SQS.
 *
 * <p>Queue URLs are {@code http://127.0.0.1:PORT/000000000000/<name>}. Nothing is persisted and nothing leaves loopback.
 */
public final class LocalSqs {

    public static final String ACCOUNT_ID = "000000000000";
    private static final Region REGION = Region.US_EAST_1;

    private static LocalSqs instance;

    private final SQSRestServer server;
    private final int port;
    private final SqsClient client;

    private LocalSqs(SQSRestServer server, int port) {
        this.server = server;
        this.port = port;
        this.client = newClient();
    }

    /** The JVM's ElasticMQ, started on first use. */
    public static synchronized LocalSqs instance() {
        if (instance == null) {
            instance = start();
            Runtime.getRuntime().addShutdownHook(new Thread(instance::stop, "elasticmq-stop"));
        }
        return instance;
    }

    /** Where clients reach it, e.g. as {@code SQS_ENDPOINT}: {@code http://127.0.0.1:<port>}. */
    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + port);
    }

    /** The region clients must name; queue ARNs use it too. */
    public Region region() {
        return REGION;
    }

    /** Credentials ElasticMQ accepts (it does not check signatures). */
    public AwsCredentialsProvider credentials() {
        return StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local"));
    }

    /** A shared client for tests: creating queues, sending, receiving, deleting, counting. */
    public SqsClient client() {
        return client;
    }

    /** A queue name no other test in this JVM uses. */
    public static String uniqueQueueName(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /**
     * Creates {@code name} and its dead-letter queue {@code name-dlq}: a message received more than
     * {@code maxReceiveCount} times goes to the dead-letter queue, as template.yaml's RedrivePolicy says.
     */
    public Queues createQueueWithDeadLetter(String name, int maxReceiveCount, Duration visibilityTimeout) {
        String deadLetterUrl = client.createQueue(b -> b.queueName(name + "-dlq")).queueUrl();
        String deadLetterArn = "arn:aws:sqs:" + REGION.id() + ":" + ACCOUNT_ID + ":" + name + "-dlq";
        String redrive = "{\"deadLetterTargetArn\":\"" + deadLetterArn + "\",\"maxReceiveCount\":" + maxReceiveCount + "}";
        String url = client.createQueue(b -> b.queueName(name).attributes(Map.of(
                QueueAttributeName.REDRIVE_POLICY, redrive,
                QueueAttributeName.VISIBILITY_TIMEOUT, Long.toString(visibilityTimeout.toSeconds())))).queueUrl();
        return new Queues(url, deadLetterUrl);
    }

    /** Messages in a queue that are visible and in flight (received, not yet deleted), as SQS approximates them. */
    public int messageCount(String queueUrl) {
        Map<QueueAttributeName, String> attributes = client.getQueueAttributes(b -> b.queueUrl(queueUrl).attributeNames(
                QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES,
                QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE)).attributes();
        return Integer.parseInt(attributes.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES))
                + Integer.parseInt(attributes.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE));
    }

    /** A work queue and the dead-letter queue its redrive policy names. */
    public record Queues(String url, String deadLetterUrl) {
    }

    private SqsClient newClient() {
        return SqsClient.builder()
                .endpointOverride(endpoint())
                .region(REGION)
                .credentialsProvider(credentials())
                .httpClient(UrlConnectionHttpClient.create())
                .overrideConfiguration(o -> o.apiCallTimeout(Duration.ofSeconds(10)))
                .build();
    }

    private static LocalSqs start() {
        // Port 0: the operating system picks a free port while binding, so no other process can take it first.
        SQSRestServer server = SQSRestServerBuilder.withInterface("127.0.0.1").withDynamicPort()
                .withAWSRegion(REGION.id()).withAWSAccountId(ACCOUNT_ID).start();
        int port = server.waitUntilStarted().localAddress().getPort();
        return new LocalSqs(server, port);
    }

    private void stop() {
        client.close();
        server.stopAndWait();
    }
}
