package com.kin.contacts;

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
import java.util.Map;

/** The real contacts handler wired to the test database, as a test drives it. */
final class ContactsFunction implements AutoCloseable {

    private final ApplicationContext context;
    private final ContactsHandler handler;
    private final JsonMapper json;

    /** A function instance with its own L1, sharing the database and the DynamoDB tables with any other instance. */
    ContactsFunction(TestDatabase db, LocalDynamoDb dynamo, String cacheTable, String idempotencyTable) {
        context = ApplicationContext.builder()
                .properties(Map.of(
                        "db.url", db.awsWrapperUrl(),
                        "db.user", db.user(),
                        "db.password", db.password(),
                        "cache.table", cacheTable,
                        "idempotency.table", idempotencyTable,
                        "dynamodb.endpoint", dynamo.endpoint().toString(),
                        "aws.region", dynamo.region().id(),
                        "cache.l2-timeout-ms", "2000"))
                .start();
        handler = new ContactsHandler(context);
        json = context.getBean(JsonMapper.class);
    }

    APIGatewayV2HTTPResponse invoke(APIGatewayV2HTTPEvent event) {
        return handler.handleRequest(event, new TestLambdaContext("contacts"));
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
