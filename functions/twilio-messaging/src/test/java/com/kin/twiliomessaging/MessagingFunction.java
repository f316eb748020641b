package com.kin.twiliomessaging;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.kin.cache.TwoTierCache;
import com.kin.data.SqlMetrics;
import com.kin.testing.LocalDynamoDb;
import com.kin.testing.TestDatabase;
import com.kin.testing.TestLambdaContext;
import com.kin.twilio.webhook.SignedEvents;
import io.micronaut.context.ApplicationContext;
import io.micronaut.context.env.PropertySource;
import java.util.HashMap;
import java.util.Map;

/**
 * The real messaging webhook handler, configured by environment variable names as on AWS, wired to the test database and
 * to a cache table in DynamoDB Local (the table the API functions read through, where its writes invalidate).
 */
final class MessagingFunction implements AutoCloseable {

    private final ApplicationContext context;
    private final TwilioMessagingHandler handler;
    private final String cacheTable;

    /** An instance over a fresh cache table. */
    MessagingFunction(TestDatabase db, Map<String, Object> extraEnvironment) {
        this(db, freshCacheTable(), extraEnvironment);
    }

    /** An instance (its own L1) over {@code cacheTable}, which other instances may share, as Lambda containers do. */
    MessagingFunction(TestDatabase db, String cacheTable, Map<String, Object> extraEnvironment) {
        this.cacheTable = cacheTable;
        Map<String, Object> environment = new HashMap<>();
        environment.put("DB_URL", db.awsWrapperUrl());
        environment.put("DB_USER", db.user());
        environment.put("DB_PASSWORD", db.password());
        environment.put("CACHE_TABLE", cacheTable);
        environment.put("DYNAMODB_ENDPOINT", LocalDynamoDb.instance().endpoint().toString());
        environment.put("AWS_REGION", LocalDynamoDb.instance().region().id());
        // DynamoDB Local's first writes are slow on a busy machine; the 50 ms production budget would drop them.
        environment.put("CACHE_L2_TIMEOUT_MS", "2000");
        environment.put("TWILIO_ACCOUNT_SID", MessagingSamples.ACCOUNT_SID);
        environment.put("TWILIO_AUTH_TOKEN", SignedEvents.LOCAL_AUTH_TOKEN);
        environment.putAll(extraEnvironment);
        context = ApplicationContext.builder()
                .propertySources(PropertySource.of("test-env", environment,
                        PropertySource.PropertyConvention.ENVIRONMENT_VARIABLE))
                .start();
        handler = new TwilioMessagingHandler(context);
    }

    APIGatewayV2HTTPResponse invoke(APIGatewayV2HTTPEvent event) {
        return handler.handleRequest(event, new TestLambdaContext("twilio-messaging"));
    }

    static String freshCacheTable() {
        String table = LocalDynamoDb.uniqueTableName("messaging-cache");
        LocalDynamoDb.instance().createCacheTable(table);
        return table;
    }

    <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    long statementCount() {
        return context.getBean(SqlMetrics.class).statementCount();
    }

    /** The instance's two-tier cache, as the API functions' instances have theirs over the same table. */
    TwoTierCache cache() {
        return context.getBean(TwoTierCache.class);
    }

    String cacheTable() {
        return cacheTable;
    }

    @Override
    public void close() {
        context.close();
    }
}
