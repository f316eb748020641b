package com.kin.bulksmsworker;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.kin.bulksms.BulkSmsHandler;
import com.kin.cache.TwoTierCache;
import com.kin.testing.BeforeAnswer;
import com.kin.testing.LocalDynamoDb;
import com.kin.testing.LocalSqs;
import com.kin.testing.TestDatabase;
import com.kin.testing.TestLambdaContext;
import io.micronaut.context.ApplicationContext;
import io.micronaut.context.env.PropertySource;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Everything a bulk SMS travels through, in one JVM: embedded Postgres, ElasticMQ with the work queue and its dead-letter
 * queue (maxReceiveCount as in template.yaml), WireMock answering as Twilio behind the real SDK, the real bulk-sms API
 * handler and the real worker handler, both configured by the environment variable names of template.yaml (the worker
 * with a cache table of its own in DynamoDB Local, where the messages it writes are invalidated).
 */
final class BulkSmsRig implements AutoCloseable {

    static final String ACCOUNT_SID = "AC0123456789abcdef0123456789abcdef";
    static final String AUTH_TOKEN = "local-twilio-auth-token";
    static final String SENDER = "+15017122661";
    static final String STATUS_CALLBACK = "https://hooks.kin.example/twilio/messages/status";
    static final String MESSAGES_PATH = "/2010-04-01/Accounts/" + ACCOUNT_SID + "/Messages.json";
    static final int MAX_RECEIVE_COUNT = 5;
    /** Longer than TWILIO_API_ATTEMPT_TIMEOUT_MS: Twilio "received" the request but its answer never arrives in time. */
    static final int SLOWER_THAN_AN_ATTEMPT_MS = 6_000;

    final TestDatabase db = TestDatabase.get();
    final WorkerData data = new WorkerData(db.dataSource());
    final WireMockServer twilio;
    /** Runs a test's action while WireMock holds a create, before Twilio's answer reaches the worker. */
    final BeforeAnswer beforeAnswer = new BeforeAnswer();
    final LocalSqs.Queues queues;
    private final ApplicationContext apiContext;
    private final ApplicationContext workerContext;
    final BulkSmsHandler api;
    final BulkSmsWorkerHandler worker;
    final LambdaSqsPoller poller;
    private final JsonMapper json;
    private final Map<String, Object> environment;
    private final List<ApplicationContext> extraWorkers = new ArrayList<>();

    BulkSmsRig() {
        twilio = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort().extensions(beforeAnswer));
        twilio.start();
        queues = LocalSqs.instance().createQueueWithDeadLetter(LocalSqs.uniqueQueueName("bulk-sms"), MAX_RECEIVE_COUNT,
                Duration.ofSeconds(60));
        environment = environment(twilio.baseUrl());
        apiContext = start(environment);
        workerContext = start(environment);
        api = new BulkSmsHandler(apiContext);
        worker = new BulkSmsWorkerHandler(workerContext);
        poller = new LambdaSqsPoller(queues.url(), worker);
        json = apiContext.getBean(JsonMapper.class);
    }

    /** A worker handler on a fresh context: a new instance, whose first invocation is a cold start. */
    BulkSmsWorkerHandler freshWorkerHandler() {
        ApplicationContext context = start(environment);
        extraWorkers.add(context);
        return new BulkSmsWorkerHandler(context);
    }

    /** Another worker instance (its own context, pool and rate limiter), as Lambda runs several side by side. */
    LambdaSqsPoller anotherWorkerInstance() {
        ApplicationContext context = start(environment);
        extraWorkers.add(context);
        return new LambdaSqsPoller(queues.url(), new BulkSmsWorkerHandler(context));
    }

    /** The variables template.yaml gives the two functions, pointed at the test services. */
    Map<String, Object> environment(String twilioBaseUrl) {
        Map<String, Object> environment = new HashMap<>();
        environment.put("DB_URL", db.awsWrapperUrl());
        environment.put("DB_USER", db.user());
        environment.put("DB_PASSWORD", db.password());
        environment.put("BULK_SMS_QUEUE_URL", queues.url());
        environment.put("SQS_ENDPOINT", LocalSqs.instance().endpoint().toString());
        environment.put("BULK_SMS_RECIPIENTS_PER_MESSAGE", "25");
        environment.put("REQUEST_MAX_BODY_BYTES", "524288");
        String idempotencyTable = LocalDynamoDb.uniqueTableName("bulk-sms-idem");
        LocalDynamoDb.instance().createCacheTable(idempotencyTable);
        environment.put("IDEMPOTENCY_TABLE", idempotencyTable);
        environment.put("DYNAMODB_ENDPOINT", LocalDynamoDb.instance().endpoint().toString());
        environment.put("AWS_REGION", LocalDynamoDb.instance().region().id());
        environment.put("CACHE_TABLE", freshCacheTable());
        // DynamoDB Local's first writes are slow on a busy machine; the 50 ms production budget would drop them.
        environment.put("CACHE_L2_TIMEOUT_MS", "2000");
        environment.put("BULK_SMS_SENDER", SENDER);
        // The limiter's arithmetic is unit-tested (SendRateTest); here it must not slow 10,000 sends down.
        environment.put("BULK_SMS_RATE_PER_SECOND", "100000");
        environment.put("BULK_SMS_MAX_RECEIVE_COUNT", String.valueOf(MAX_RECEIVE_COUNT));
        environment.put("TWILIO_STATUS_CALLBACK_URL", STATUS_CALLBACK);
        environment.put("TWILIO_ACCOUNT_SID", ACCOUNT_SID);
        environment.put("TWILIO_AUTH_TOKEN", AUTH_TOKEN);
        environment.put("TWILIO_API_BASE_URL", twilioBaseUrl);
        // Generous per attempt (a loaded CI machine answered a prompt stub after more than 2 s), and a budget that
        // decides "Twilio unavailable" in about a second per delivery: attempts go on while a whole further one
        // (connect + answer, 5 s) still fits in 6 s.
        environment.put("TWILIO_API_BUDGET_MS", "6000");
        environment.put("TWILIO_API_ATTEMPT_TIMEOUT_MS", "4000");
        environment.put("TWILIO_API_CONNECT_TIMEOUT_MS", "1000");
        environment.put("TWILIO_API_BACKOFF_BASE_MS", "100");
        environment.put("TWILIO_API_BACKOFF_MAX_MS", "200");
        return environment;
    }

    static String freshCacheTable() {
        String table = LocalDynamoDb.uniqueTableName("bulk-sms-cache");
        LocalDynamoDb.instance().createCacheTable(table);
        return table;
    }

    /** A worker instance of its own over {@code cacheTable}, closed by the test that asked for it. */
    WorkerInstance workerOver(String cacheTable) {
        Map<String, Object> own = new HashMap<>(environment);
        own.put("CACHE_TABLE", cacheTable);
        return new WorkerInstance(start(own), queues.url());
    }

    /** A worker's context, its poller, and its cache as the API functions' instances have theirs over the same table. */
    static final class WorkerInstance implements AutoCloseable {

        private final ApplicationContext context;
        final LambdaSqsPoller poller;

        private WorkerInstance(ApplicationContext context, String queueUrl) {
            this.context = context;
            this.poller = new LambdaSqsPoller(queueUrl, new BulkSmsWorkerHandler(context));
        }

        TwoTierCache cache() {
            return context.getBean(TwoTierCache.class);
        }

        @Override
        public void close() {
            context.close();
        }
    }

    static ApplicationContext start(Map<String, Object> environment) {
        return ApplicationContext.builder()
                .propertySources(PropertySource.of("test-env", environment,
                        PropertySource.PropertyConvention.ENVIRONMENT_VARIABLE))
                .start();
    }

    /** Twilio accepts every message, each with a fresh SID. */
    void twilioAcceptsEverything() {
        twilio.resetAll();
        twilio.stubFor(createMessage().atPriority(10).willReturn(created()));
    }

    /**
     * Twilio accepts the next message as {@code sid}, but runs {@code action} first, while it holds the request: what
     * happens before its answer reaches the worker (a status callback overtaking it, say).
     */
    void twilioAcceptsAfterRunning(String sid, Runnable action) {
        beforeAnswer.run(action);
        twilio.stubFor(createMessage().atPriority(1).willReturn(aResponse().withStatus(201)
                .withHeader("Content-Type", "application/json")
                .withBody(resource("message-created.json").replace("SM{{randomValue length=32 type='HEXADECIMAL'}}", sid))
                .withTransformers(BeforeAnswer.NAME)));
    }

    /** A bean of the worker's context, as the worker function has it. */
    <T> T workerBean(Class<T> type) {
        return workerContext.getBean(type);
    }

    static MappingBuilder createMessage() {
        return post(urlPathEqualTo(MESSAGES_PATH));
    }

    static ResponseDefinitionBuilder created() {
        return aResponse().withStatus(201).withHeader("Content-Type", "application/json")
                .withBody(resource("message-created.json")).withTransformers("response-template");
    }

    static ResponseDefinitionBuilder json(int status, String fixture) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(resource(fixture));
    }

    /**
     * Sends {@code event} to the API handler as a new client request, under an Idempotency-Key of its own: the samples
     * carry one, and the rig's instance outlives a test, so the sample's key would replay an earlier test's job.
     */
    APIGatewayV2HTTPResponse invokeApi(APIGatewayV2HTTPEvent event) {
        Map<String, String> headers = new HashMap<>(event.getHeaders());
        headers.put("idempotency-key", UUID.randomUUID().toString());
        event.setHeaders(headers);
        return api.handleRequest(event, new TestLambdaContext("bulk-sms"));
    }

    /** Creates a job through the API handler and returns its id; fails unless the answer is 202. */
    UUID createJob(APIGatewayV2HTTPEvent event) {
        APIGatewayV2HTTPResponse response = invokeApi(event);
        if (response.getStatusCode() != 202) {
            throw new AssertionError("expected 202, got " + response.getStatusCode() + ": " + response.getBody());
        }
        return UUID.fromString(parse(response.getBody()).get("jobId").getStringValue());
    }

    JsonNode parse(String text) {
        try {
            return json.readValue(text, JsonNode.class);
        } catch (IOException e) {
            throw new UncheckedIOException("not JSON: " + text, e);
        }
    }

    private static String resource(String name) {
        try (InputStream in = BulkSmsRig.class.getResourceAsStream("/twilio/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no test resource twilio/" + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        extraWorkers.forEach(ApplicationContext::close);
        workerContext.close();
        apiContext.close();
        twilio.stop();
    }
}
