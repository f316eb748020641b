package com.kin.search;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.kin.data.SqlMetrics;
import com.kin.testing.LocalDynamoDb;
import com.kin.testing.TestDatabase;
import com.kin.testing.TestLambdaContext;
import io.micronaut.context.ApplicationContext;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

/** The real search handler wired to the test database, as a test drives it. */
final class SearchFunction implements AutoCloseable {

    private final ApplicationContext context;
    private final SearchHandler handler;
    private final JsonMapper json;

    /** A function instance with its own L1 over the DynamoDB cache table {@code cacheTable}. */
    SearchFunction(TestDatabase db, LocalDynamoDb dynamo, String cacheTable) {
        context = ApplicationContext.builder()
                .properties(Map.of(
                        "db.url", db.awsWrapperUrl(),
                        "db.user", db.user(),
                        "db.password", db.password(),
                        "cache.table", cacheTable,
                        "dynamodb.endpoint", dynamo.endpoint().toString(),
                        "aws.region", dynamo.region().id(),
                        "cache.l2-timeout-ms", "2000"))
                .start();
        handler = new SearchHandler(context);
        json = context.getBean(JsonMapper.class);
    }

    /**
     * A fresh instance over a fresh cache table: tests reset the database under the cache's feet, so no entry or tag
     * version may outlive the test that made it.
     */
    static SearchFunction fresh(TestDatabase db) {
        LocalDynamoDb dynamo = LocalDynamoDb.instance();
        String cacheTable = LocalDynamoDb.uniqueTableName("search-cache");
        dynamo.createCacheTable(cacheTable);
        return new SearchFunction(db, dynamo, cacheTable);
    }

    APIGatewayV2HTTPResponse invoke(APIGatewayV2HTTPEvent event) {
        return handler.handleRequest(event, new TestLambdaContext("search"));
    }

    JsonNode body(APIGatewayV2HTTPResponse response) {
        try {
            return json.readValue(response.getBody(), JsonNode.class);
        } catch (IOException e) {
            throw new UncheckedIOException("response body is not JSON: " + response.getBody(), e);
        }
    }

    /** Asserts an RFC 9457 problem answer with {@code status} (and an error for {@code field}, when given); returns its body. */
    JsonNode assertProblem(APIGatewayV2HTTPResponse response, int status, String field) {
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(status);
        assertThat(response.getHeaders().get("Content-Type")).startsWith("application/problem+json");
        JsonNode problem = body(response);
        assertThat(problem.get("status").getIntValue()).isEqualTo(status);
        assertThat(problem.get("requestId")).isNotNull();
        assertThat(response.getBody()).doesNotContain("Exception").doesNotContain("select ").doesNotContain("plainto_tsquery");
        if (field != null) {
            assertThat(problem.get("errors").get(field)).as(response.getBody()).isNotNull();
        }
        return problem;
    }

    /** The tier that answered ({@code x-cache}: l1, l2 or miss). */
    static String cacheSource(APIGatewayV2HTTPResponse response) {
        return response.getHeaders().get("x-cache");
    }

    /** How many SQL statements {@code event} runs. */
    long statementsRunBy(APIGatewayV2HTTPEvent event) {
        SqlMetrics metrics = bean(SqlMetrics.class);
        long before = metrics.statementCount();
        invoke(event);
        return metrics.statementCount() - before;
    }

    <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    @Override
    public void close() {
        context.close();
    }
}
