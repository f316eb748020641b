package com.kin.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import io.micronaut.context.ApplicationContext;
import io.micronaut.context.env.PropertySource;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * A function's real handler in a real Micronaut context, wired to the test database and DynamoDB Local, as a test drives
 * it. Each module's {@code XxxFunction} test class extends it with its handler and any settings of its own.
 */
public class FunctionHarness implements AutoCloseable {

    /** The DynamoDB tables one or more instances share: the cache's and the idempotency store's (null: none). */
    public record Tables(String cache, String idempotency) {

        /**
         * New tables: tests reset the database under the cache's feet, so no entry, tag version or idempotency record
         * may outlive the test that made it.
         */
        public static Tables fresh(String prefix) {
            LocalDynamoDb dynamo = LocalDynamoDb.instance();
            Tables tables = new Tables(LocalDynamoDb.uniqueTableName(prefix + "-cache"),
                    LocalDynamoDb.uniqueTableName(prefix + "-idem"));
            dynamo.createCacheTable(tables.cache());
            dynamo.createCacheTable(tables.idempotency());
            return tables;
        }
    }

    private final String name;
    private final Tables tables;
    private final ApplicationContext context;
    private final RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> handler;
    private final JsonMapper json;

    /**
     * An instance with its own L1 over {@code tables}; {@code settings} add to (or override) the platform's database and
     * DynamoDB settings.
     */
    protected FunctionHarness(String name, Tables tables, Map<String, Object> settings,
                              Function<ApplicationContext, RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse>> handler) {
        this(name, tables, ApplicationContext.builder().properties(withPlatform(tables, settings)).start(), handler);
    }

    /**
     * An instance of a function that needs no database and no tables, configured only by {@code environment}: variables
     * named as in template.yaml ({@code HEALTH_CHECK_INTERVAL}), read through Micronaut's environment convention.
     */
    protected FunctionHarness(String name, Map<String, Object> environment,
                              Function<ApplicationContext, RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse>> handler) {
        this(name, null, ApplicationContext.builder()
                .propertySources(PropertySource.of("test-env", environment,
                        PropertySource.PropertyConvention.ENVIRONMENT_VARIABLE, PropertySource.Origin.of("test-env")))
                .start(), handler);
    }

    private FunctionHarness(String name, Tables tables, ApplicationContext context,
                            Function<ApplicationContext, RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse>> handler) {
        this.name = name;
        this.tables = tables;
        this.context = context;
        this.handler = handler.apply(context);
        this.json = context.getBean(JsonMapper.class);
    }

    private static Map<String, Object> withPlatform(Tables tables, Map<String, Object> settings) {
        Map<String, Object> properties = new HashMap<>(platformSettings(TestDatabase.get(), tables));
        properties.putAll(settings);
        return properties;
    }

    /** The settings every function reads from the template's environment, pointed at the test services. */
    public static Map<String, Object> platformSettings(TestDatabase db, Tables tables) {
        LocalDynamoDb dynamo = LocalDynamoDb.instance();
        Map<String, Object> settings = new HashMap<>(Map.of(
                "db.url", db.awsWrapperUrl(),
                "db.user", db.user(),
                "db.password", db.password(),
                "cache.table", tables.cache(),
                "dynamodb.endpoint", dynamo.endpoint().toString(),
                "aws.region", dynamo.region().id(),
                // DynamoDB Local's first writes are slow on a busy machine; the 50 ms production budget would turn them into misses.
                "cache.l2-timeout-ms", "2000"));
        if (tables.idempotency() != null) {
            settings.put("idempotency.table", tables.idempotency());
        }
        return settings;
    }

    public Tables tables() {
        return tables;
    }

    public APIGatewayV2HTTPResponse invoke(APIGatewayV2HTTPEvent event) {
        return handler.handleRequest(event, new TestLambdaContext(name));
    }

    public JsonNode body(APIGatewayV2HTTPResponse response) {
        try {
            return json.readValue(response.getBody(), JsonNode.class);
        } catch (IOException e) {
            throw new UncheckedIOException("response body is not JSON: " + response.getBody(), e);
        }
    }

    /**
     * Asserts an RFC 9457 problem with {@code status}, the request id, no internals, and (when {@code field} is given) a
     * message for that field; returns the problem.
     */
    public JsonNode assertProblem(APIGatewayV2HTTPResponse response, int status, String field) {
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(status);
        assertThat(response.getHeaders().get("Content-Type")).startsWith("application/problem+json");
        JsonNode problem = body(response);
        assertThat(problem.get("status").getIntValue()).isEqualTo(status);
        assertThat(problem.get("requestId")).isNotNull();
        assertThat(response.getBody()).doesNotContain("Exception").doesNotContain("select ").doesNotContain("insert ")
                .doesNotContain("com.kin.");
        if (field != null) {
            assertThat(problem.get("errors").get(field)).as(response.getBody()).isNotNull();
        }
        return problem;
    }

    /** Which tier answered: the {@code x-cache} header. */
    public static String cacheSource(APIGatewayV2HTTPResponse response) {
        return response.getHeaders().get("x-cache");
    }

    public <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    @Override
    public void close() {
        context.close();
    }
}
