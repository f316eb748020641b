package com.kin.templates;

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

/** The real templates handler wired to the test database and DynamoDB Local, as a test drives it. */
final class TemplatesFunction implements AutoCloseable {

    private final ApplicationContext context;
    private final TemplatesHandler handler;
    private final JsonMapper json;
    private final TestDatabase db;
    private final LocalDynamoDb dynamo;
    private final String cacheTable;
    private final String idempotencyTable;

    /** A function instance with its own L1, sharing the database and the DynamoDB tables with any other instance. */
    TemplatesFunction(TestDatabase db, LocalDynamoDb dynamo, String cacheTable, String idempotencyTable) {
        this.db = db;
        this.dynamo = dynamo;
        this.cacheTable = cacheTable;
        this.idempotencyTable = idempotencyTable;
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
        handler = new TemplatesHandler(context);
        json = context.getBean(JsonMapper.class);
    }

    /**
     * A fresh instance over fresh cache and idempotency tables: tests reset the database under the cache's feet, so no
     * entry, tag version or idempotency record may outlive the test that made it.
     */
    static TemplatesFunction fresh(TestDatabase db) {
        LocalDynamoDb dynamo = LocalDynamoDb.instance();
        String cacheTable = LocalDynamoDb.uniqueTableName("templates-cache");
        String idempotencyTable = LocalDynamoDb.uniqueTableName("templates-idem");
        dynamo.createCacheTable(cacheTable);
        dynamo.createCacheTable(idempotencyTable);
        return new TemplatesFunction(db, dynamo, cacheTable, idempotencyTable);
    }

    /** Another instance (its own L1) over the same database and DynamoDB tables, as a second Lambda container. */
    TemplatesFunction sibling() {
        return new TemplatesFunction(db, dynamo, cacheTable, idempotencyTable);
    }

    APIGatewayV2HTTPResponse invoke(APIGatewayV2HTTPEvent event) {
        return handler.handleRequest(event, new TestLambdaContext("templates"));
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
