package com.kin.idempotency;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.kin.testing.LambdaEvents;
import com.kin.testing.LocalDynamoDb;
import com.kin.testing.SampleUsers;
import com.kin.testing.TestLambdaContext;
import io.micronaut.context.ApplicationContext;
import io.micronaut.function.aws.proxy.payload2.APIGatewayV2HTTPEventFunction;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** Idempotency-Key semantics through a real API-proxy handler against DynamoDB Local. */
class IdempotencyFilterIT {

    private static final long EXPIRY_SECONDS = 3600;
    private static final long IN_PROGRESS_SECONDS = 30;

    private final LocalDynamoDb dynamo = LocalDynamoDb.instance();
    private String table;
    private ApplicationContext context;
    private APIGatewayV2HTTPEventFunction handler;

    @BeforeEach
    void start() {
        table = LocalDynamoDb.uniqueTableName("idem");
        dynamo.createCacheTable(table);
        context = ApplicationContext.builder()
                .properties(Map.of("idempotency.table", table, "micronaut.application.name", "things",
                        "idempotency.expiry-seconds", EXPIRY_SECONDS, "idempotency.in-progress-seconds", IN_PROGRESS_SECONDS,
                        "dynamodb.endpoint", dynamo.endpoint().toString(), "aws.region", dynamo.region().id()))
                .start();
        handler = new APIGatewayV2HTTPEventFunction(context);
        EchoController.RUNS.set(0);
    }

    @AfterEach
    void stop() {
        context.close();
    }

    @Test
    void retryWithSameKeyAndBody_replaysFirstResultWithoutRunningAgain() {
        APIGatewayV2HTTPResponse first = post("key-1", "{\"name\":\"a\"}", SampleUsers.AGENT1);
        APIGatewayV2HTTPResponse retry = post("key-1", "{\"name\":\"a\"}", SampleUsers.AGENT1);

        assertThat(first.getStatusCode()).isEqualTo(201);
        assertThat(retry.getStatusCode()).isEqualTo(201);
        assertThat(retry.getBody()).isEqualTo(first.getBody());
        assertThat(retry.getHeaders()).containsEntry("ETag", "\"1\"").containsEntry("Location", "/api/things/1")
                .containsEntry("idempotent-replayed", "true");
        assertThat(EchoController.RUNS.get()).isEqualTo(1);
    }

    @Test
    void sameKeyWithAnotherBody_returns422() {
        post("key-2", "{\"name\":\"a\"}", SampleUsers.AGENT1);

        APIGatewayV2HTTPResponse other = post("key-2", "{\"name\":\"b\"}", SampleUsers.AGENT1);

        assertThat(other.getStatusCode()).isEqualTo(422);
        assertThat(other.getHeaders().get("Content-Type")).startsWith("application/problem+json");
        assertThat(EchoController.RUNS.get()).isEqualTo(1);
    }

    @Test
    void retryWhileFirstAttemptRuns_returns409() {
        IdempotencyStore store = context.getBean(IdempotencyStore.class);
        String body = "{\"name\":\"a\"}";
        store.claim(context.getBean(IdempotencyFilter.class).recordKey(SampleUsers.AGENT1.toString(), "key-3"),
                RequestFingerprint.of("POST", "/api/things", body));

        APIGatewayV2HTTPResponse retry = post("key-3", body, SampleUsers.AGENT1);

        assertThat(retry.getStatusCode()).isEqualTo(409);
        assertThat(EchoController.RUNS.get()).isZero();
    }

    @Test
    void serverFault_releasesTheKeySoARetryRunsAgain() {
        APIGatewayV2HTTPResponse failed = post("key-4", "{\"name\":\"a\",\"fail\":true}", SampleUsers.AGENT1);
        APIGatewayV2HTTPResponse retried = post("key-4", "{\"name\":\"a\",\"fail\":true}", SampleUsers.AGENT1);

        assertThat(failed.getStatusCode()).isEqualTo(500);
        assertThat(retried.getStatusCode()).isEqualTo(500);
        assertThat(EchoController.RUNS.get()).isEqualTo(2);
    }

    @Test
    void twilioTimeout_isAFinalAnswer_replayedWithoutRunningAgain() {
        String body = "{\"name\":\"a\",\"fail\":\"twilio-timeout\"}";
        APIGatewayV2HTTPResponse failed = post("key-7", body, SampleUsers.AGENT1);
        APIGatewayV2HTTPResponse retried = post("key-7", body, SampleUsers.AGENT1);

        assertThat(failed.getStatusCode()).isEqualTo(504);
        assertThat(retried.getStatusCode()).isEqualTo(504);
        assertThat(retried.getBody()).isEqualTo(failed.getBody());
        assertThat(retried.getHeaders()).containsEntry("idempotent-replayed", "true");
        assertThat(retried.getHeaders().get("Content-Type")).startsWith("application/problem+json");
        assertThat(EchoController.RUNS.get()).isEqualTo(1);
    }

    @Test
    void twilioError_isAFinalAnswer_replayedWithoutRunningAgain() {
        String body = "{\"name\":\"a\",\"fail\":\"twilio-error\"}";
        post("key-8", body, SampleUsers.AGENT1);
        APIGatewayV2HTTPResponse retried = post("key-8", body, SampleUsers.AGENT1);

        assertThat(retried.getStatusCode()).isEqualTo(502);
        assertThat(retried.getHeaders()).containsEntry("idempotent-replayed", "true");
        assertThat(EchoController.RUNS.get()).isEqualTo(1);
    }

    @Test
    void databaseUnavailable_releasesTheKeySoARetryRunsAgain() {
        String body = "{\"name\":\"a\",\"fail\":\"database\"}";
        APIGatewayV2HTTPResponse failed = post("key-9", body, SampleUsers.AGENT1);
        APIGatewayV2HTTPResponse retried = post("key-9", body, SampleUsers.AGENT1);

        assertThat(failed.getStatusCode()).isEqualTo(503);
        assertThat(retried.getStatusCode()).isEqualTo(503);
        assertThat(retried.getHeaders()).doesNotContainKey("idempotent-replayed");
        assertThat(EchoController.RUNS.get()).isEqualTo(2);
    }

    @Test
    void outcomeNotRecorded_isAFinalAnswerDespiteBeingA500() {
        String body = "{\"name\":\"a\",\"fail\":\"unrecorded\"}";
        APIGatewayV2HTTPResponse failed = post("key-10", body, SampleUsers.AGENT1);
        APIGatewayV2HTTPResponse retried = post("key-10", body, SampleUsers.AGENT1);

        assertThat(failed.getStatusCode()).isEqualTo(500);
        assertThat(retried.getStatusCode()).isEqualTo(500);
        assertThat(retried.getBody()).isEqualTo(failed.getBody()).contains("outcome-not-recorded");
        assertThat(retried.getHeaders()).containsEntry("idempotent-replayed", "true");
        assertThat(EchoController.RUNS.get()).isEqualTo(1);
    }

    @Test
    void expiredKey_runsAgain() {
        post("key-11", "{\"name\":\"a\"}", SampleUsers.AGENT1);
        context.getBean(MovableClock.class).advance(Duration.ofSeconds(EXPIRY_SECONDS + 1));

        APIGatewayV2HTTPResponse late = post("key-11", "{\"name\":\"a\"}", SampleUsers.AGENT1);

        assertThat(late.getStatusCode()).isEqualTo(201);
        assertThat(late.getHeaders()).doesNotContainKey("idempotent-replayed").containsEntry("ETag", "\"2\"");
        assertThat(EchoController.RUNS.get()).isEqualTo(2);
    }

    @Test
    void expiringKey_isStillReplayedUpToItsExpiry() {
        post("key-12", "{\"name\":\"a\"}", SampleUsers.AGENT1);
        context.getBean(MovableClock.class).advance(Duration.ofSeconds(EXPIRY_SECONDS));

        APIGatewayV2HTTPResponse retry = post("key-12", "{\"name\":\"a\"}", SampleUsers.AGENT1);

        assertThat(retry.getHeaders()).containsEntry("idempotent-replayed", "true");
        assertThat(EchoController.RUNS.get()).isEqualTo(1);
    }

    @Test
    void abandonedInProgress_isTakenOver() {
        String body = "{\"name\":\"a\"}";
        context.getBean(IdempotencyStore.class).claim(context.getBean(IdempotencyFilter.class)
                .recordKey(SampleUsers.AGENT1.toString(), "key-13"), RequestFingerprint.of("POST", "/api/things", body));
        assertThat(post("key-13", body, SampleUsers.AGENT1).getStatusCode()).isEqualTo(409);
        context.getBean(MovableClock.class).advance(Duration.ofSeconds(IN_PROGRESS_SECONDS + 1));

        APIGatewayV2HTTPResponse takeover = post("key-13", body, SampleUsers.AGENT1);
        APIGatewayV2HTTPResponse retry = post("key-13", body, SampleUsers.AGENT1);

        assertThat(takeover.getStatusCode()).isEqualTo(201);
        assertThat(takeover.getHeaders()).doesNotContainKey("idempotent-replayed");
        assertThat(retry.getHeaders()).containsEntry("idempotent-replayed", "true");
        assertThat(EchoController.RUNS.get()).isEqualTo(1);
    }

    @Test
    void sameKeyFromAnotherCaller_runsIndependently() {
        post("key-5", "{\"name\":\"a\"}", SampleUsers.AGENT1);
        APIGatewayV2HTTPResponse other = post("key-5", "{\"name\":\"a\"}", SampleUsers.AGENT2);

        assertThat(other.getHeaders()).doesNotContainKey("idempotent-replayed");
        assertThat(EchoController.RUNS.get()).isEqualTo(2);
    }

    @Test
    void withoutKey_everyRequestRuns() {
        post(null, "{\"name\":\"a\"}", SampleUsers.AGENT1);
        post(null, "{\"name\":\"a\"}", SampleUsers.AGENT1);

        assertThat(EchoController.RUNS.get()).isEqualTo(2);
    }

    @Test
    void malformedKey_returns400() {
        APIGatewayV2HTTPResponse response = post("has space", "{\"name\":\"a\"}", SampleUsers.AGENT1);

        assertThat(response.getStatusCode()).isEqualTo(400);
        assertThat(EchoController.RUNS.get()).isZero();
    }

    @Test
    void storeUnreachable_returns503AndRunsNothing() {
        dynamo.deleteTable(table);

        APIGatewayV2HTTPResponse response = post("key-6", "{\"name\":\"a\"}", SampleUsers.AGENT1);

        assertThat(response.getStatusCode()).isEqualTo(503);
        assertThat(EchoController.RUNS.get()).isZero();
        dynamo.createCacheTable(table);
    }

    private APIGatewayV2HTTPResponse post(String key, String body, UUID caller) {
        APIGatewayV2HTTPEvent event = LambdaEvents.http("contacts/create.json");
        event.setRawPath("/api/things");
        event.getRequestContext().getHttp().setPath("/api/things");
        event.getRequestContext().getAuthorizer().getJwt().getClaims().put("sub", caller.toString());
        Map<String, String> headers = new HashMap<>(event.getHeaders());
        if (key == null) {
            headers.remove("idempotency-key");
        } else {
            headers.put("idempotency-key", key);
        }
        event.setHeaders(headers);
        event.setBody(body);
        return handler.handleRequest(event, new TestLambdaContext("things"));
    }
}
