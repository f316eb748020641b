package com.kin.local.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;

/** The SQS event source mapping: batches, deletion of successes, partial failures redelivered, then dead-lettered. */
@ExtendWith(FixtureStackExtension.class)
class SqsEventSourceIT {

    private static final Duration PATIENCE = Duration.ofSeconds(60);

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
