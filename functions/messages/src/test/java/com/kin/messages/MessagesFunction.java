package com.kin.messages;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.kin.testing.LocalDynamoDb;
import com.kin.testing.TestDatabase;
import com.kin.testing.TestLambdaContext;
import io.micronaut.context.ApplicationContext;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;

/**
 * The real messages handler wired to the test database, DynamoDB Local (cache and idempotency tables) and the Twilio
 * stub, as a test drives it.
 */
final class MessagesFunction implements AutoCloseable {

    static final String FROM_NUMBER = "+15017122661";
    static final String STATUS_CALLBACK = "https://hooks.kin.example/sms/status";
    /** How long one Twilio attempt may wait for an answer here; the timeout test's stub answers later than this. */
    static final int TWILIO_ATTEMPT_TIMEOUT_MS = 1000;

    private final ApplicationContext context;
    private final MessagesHandler handler;
    private final JsonMapper json;

    /**
     * A fresh instance with fresh tables: the database is reset between tests under the cache's feet, so nothing cached
     * may survive into the next test.
     */
    static MessagesFunction fresh(TestDatabase db) {
        LocalDynamoDb dynamo = LocalDynamoDb.instance();
        String cacheTable = LocalDynamoDb.uniqueTableName("messages-cache");
        String idempotencyTable = LocalDynamoDb.uniqueTableName("messages-idem");
        dynamo.createCacheTable(cacheTable);
        dynamo.createCacheTable(idempotencyTable);
        return new MessagesFunction(db, dynamo, cacheTable, idempotencyTable);
    }

    /** An instance with its own L1, sharing the database and the DynamoDB tables with any other instance. */
    MessagesFunction(TestDatabase db, LocalDynamoDb dynamo, String cacheTable, String idempotencyTable) {
        Map<String, Object> properties = new HashMap<>();
        properties.put("db.url", db.awsWrapperUrl());
        properties.put("db.user", db.user());
        properties.put("db.password", db.password());
        properties.put("cache.table", cacheTable);
        properties.put("idempotency.table", idempotencyTable);
        properties.put("dynamodb.endpoint", dynamo.endpoint().toString());
        properties.put("aws.region", dynamo.region().id());
        properties.put("cache.l2-timeout-ms", "2000");
        properties.put("twilio.account-sid", TwilioStub.ACCOUNT_SID);
        properties.put("twilio.auth-token", TwilioStub.AUTH_TOKEN);
        properties.put("twilio.api.base-url", TwilioStub.baseUrl());
        properties.put("twilio.api.budget-ms", "3000");
        properties.put("twilio.api.attempt-timeout-ms", String.valueOf(TWILIO_ATTEMPT_TIMEOUT_MS));
        properties.put("twilio.api.connect-timeout-ms", "500");
        properties.put("twilio.from-number", FROM_NUMBER);
        properties.put("twilio.status-callback-url", STATUS_CALLBACK);
        context = ApplicationContext.builder().properties(properties).start();
        handler = new MessagesHandler(context);
        json = context.getBean(JsonMapper.class);
    }

    APIGatewayV2HTTPResponse invoke(APIGatewayV2HTTPEvent event) {
        return handler.handleRequest(event, new TestLambdaContext("messages"));
    }

    JsonNode body(APIGatewayV2HTTPResponse response) {
        try {
            return json.readValue(response.getBody(), JsonNode.class);
        } catch (IOException e) {
            throw new UncheckedIOException("response body is not JSON: " + response.getBody(), e);
        }
    }

    <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    @Override
    public void close() {
        context.close();
    }
}
