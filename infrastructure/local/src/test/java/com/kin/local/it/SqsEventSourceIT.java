package com.kin.local.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;

/**
 * The SQS event source mapping: batches of at most BatchSize, deletion of successes, partial failures redelivered, a
 * failed invocation redelivering its whole batch, then dead-lettering.
 */
@ExtendWith(FixtureStackExtension.class)
class SqsEventSourceIT {

    private static final Duration PATIENCE = Duration.ofSeconds(60);
    /** WorkerFunction's BatchSize in the fixture template. */
    private static final int BATCH_SIZE = 5;

    private final FixtureStack stack;
    private final SqsClient sqs;

    SqsEventSourceIT(FixtureStack stack) {
        this.stack = stack;
        this.sqs = SqsClient.builder().endpointOverride(URI.create(stack.platform.services().sqsEndpoint()))
                .region(Region.US_EAST_1).httpClient(UrlConnectionHttpClient.create())
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local"))).build();
    }

    @AfterEach
    void closeClient() {
        sqs.close();
    }

    @Test
    void messages_reachTheFunctionAndAreDeleted() throws Exception {
        String queue = queueUrl("kin-it-work");
        List.of("ok-1", "ok-2", "ok-3").forEach(body -> sqs.sendMessage(r -> r.queueUrl(queue).messageBody(body)));

        awaitTrue(() -> List.of("ok-1", "ok-2", "ok-3").stream().allMatch(body -> Files.exists(stack.results.resolve(body))));

        assertThat(Files.readString(stack.results.resolve("ok-1")))
                .contains("receives=1", "source=arn:aws:sqs:us-east-1:000000000000:kin-it-work");
        awaitTrue(() -> messagesIn(queue) == 0);
    }

    @Test
    void failedItem_isRedeliveredThenMovedToTheDeadLetterQueue() throws Exception {
        sqs.sendMessage(r -> r.queueUrl(queueUrl("kin-it-work")).messageBody("fail-1"));
        sqs.sendMessage(r -> r.queueUrl(queueUrl("kin-it-work")).messageBody("ok-beside-failure"));

        List<Message> deadLetters = awaitMessages(queueUrl("kin-it-work-dlq"));

        assertThat(deadLetters).extracting(Message::body).containsExactly("fail-1");
        assertThat(stack.results.resolve("ok-beside-failure")).exists();
        assertThat(stack.results.resolve("fail-1")).doesNotExist();
    }

    @Test
    void moreMessagesThanBatchSize_arriveInBatchesOfAtMostBatchSize() throws Exception {
        String queue = queueUrl("kin-it-work");
        List<String> bodies = IntStream.rangeClosed(1, 12).mapToObj(i -> "many-" + i).toList();
        sendInOneRequestEach(queue, bodies.subList(0, 10), bodies.subList(10, 12));

        awaitTrue(() -> bodies.stream().allMatch(body -> Files.exists(stack.results.resolve(body))));

        for (String body : bodies) {
            String record = Files.readString(stack.results.resolve(body));
            int batch = Integer.parseInt(record.replaceAll("^batch=([0-9]+) .*$", "$1"));
            assertThat(batch).as(body + ": " + record).isBetween(1, BATCH_SIZE);
        }
        awaitTrue(() -> messagesIn(queue) == 0);
    }

    @Test
    void failedInvocation_redeliversItsWholeBatch() throws Exception {
        String queue = queueUrl("kin-it-work");
        List<String> bodies = List.of("whole-1", "whole-2", "throw-whole", "whole-3", "whole-4");
        sendInOneRequestEach(queue, bodies);

        awaitTrue(() -> messagesIn(queue) == 0);
        List<String> deadLetters = drain(queueUrl("kin-it-work-dlq"));

        // Every message that shared a delivery with the throwing one failed with it and came back.
        List<String> firstDeliveries = firstLines(bodies);
        List<String> sharedTheFailure = bodies.stream().filter(body -> !body.startsWith("throw"))
                .filter(body -> firstDeliveries.get(bodies.indexOf(body)).contains("throw-whole")).toList();
        assertThat(sharedTheFailure).as("messages delivered with throw-whole: " + firstDeliveries).isNotEmpty();
        for (String body : sharedTheFailure) {
            assertThat(Files.readString(stack.results.resolve(body + ".deliveries"))).as(body).contains("receives=2");
        }
        assertThat(deadLetters).contains("throw-whole");
    }

    /** Sends each group with one SendMessageBatch, so that the poller finds a group's messages together. */
    @SafeVarargs
    private void sendInOneRequestEach(String queue, List<String>... groups) {
        for (List<String> group : groups) {
            sqs.sendMessageBatch(r -> r.queueUrl(queue).entries(IntStream.range(0, group.size())
                    .mapToObj(i -> SendMessageBatchRequestEntry.builder().id(String.valueOf(i)).messageBody(group.get(i))
                            .build()).toList()));
        }
    }

    /** The first delivery line the worker recorded for each body. */
    private List<String> firstLines(List<String> bodies) throws Exception {
        List<String> lines = new ArrayList<>();
        for (String body : bodies) {
            lines.add(Files.readAllLines(stack.results.resolve(body + ".deliveries")).get(0));
        }
        return lines;
    }

    /** Receives and deletes everything on the queue, so that other tests find it empty; returns the bodies. */
    private List<String> drain(String queueUrl) {
        List<String> bodies = new ArrayList<>();
        List<Message> messages;
        while (!(messages = sqs.receiveMessage(r -> r.queueUrl(queueUrl).maxNumberOfMessages(10).waitTimeSeconds(1))
                .messages()).isEmpty()) {
            for (Message message : messages) {
                bodies.add(message.body());
                sqs.deleteMessage(r -> r.queueUrl(queueUrl).receiptHandle(message.receiptHandle()));
            }
        }
        return bodies;
    }

    private List<Message> awaitMessages(String queueUrl) throws InterruptedException {
        Instant deadline = Instant.now().plus(PATIENCE);
        while (Instant.now().isBefore(deadline)) {
            List<Message> messages = sqs.receiveMessage(r -> r.queueUrl(queueUrl).waitTimeSeconds(1)).messages();
            if (!messages.isEmpty()) {
                return messages;
            }
        }
        throw new AssertionError("nothing arrived on " + queueUrl + " within " + PATIENCE);
    }

    private int messagesIn(String queueUrl) {
        var attributes = sqs.getQueueAttributes(r -> r.queueUrl(queueUrl).attributeNamesWithStrings(
                "ApproximateNumberOfMessages", "ApproximateNumberOfMessagesNotVisible")).attributesAsStrings();
        return Integer.parseInt(attributes.get("ApproximateNumberOfMessages"))
                + Integer.parseInt(attributes.get("ApproximateNumberOfMessagesNotVisible"));
    }

    private String queueUrl(String name) {
        return sqs.getQueueUrl(r -> r.queueName(name)).queueUrl();
    }

    private static void awaitTrue(BooleanSupplier condition) throws InterruptedException {
        Instant deadline = Instant.now().plus(PATIENCE);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("not true within " + PATIENCE);
            }
            Thread.sleep(200);
        }
    }
}
