package com.kin.bulksms;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.kin.testing.LocalDynamoDb;
import com.kin.testing.LocalSqs;
import com.kin.testing.TestDatabase;
import com.kin.testing.TestLambdaContext;
import io.micronaut.context.ApplicationContext;
import io.micronaut.context.env.PropertySource;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;

/** The real bulk SMS handler, configured by environment variables named as in template.yaml, as a test drives it. */
final class BulkSmsFunction implements AutoCloseable {

    private final ApplicationContext context;
    private final BulkSmsHandler handler;
    private final JsonMapper json;

    BulkSmsFunction(Map<String, Object> environment) {
        context = ApplicationContext.builder()
                .propertySources(PropertySource.of("test-env", environment,
                        PropertySource.PropertyConvention.ENVIRONMENT_VARIABLE))
                .start();
        handler = new BulkSmsHandler(context);
        json = context.getBean(JsonMapper.class);
    }

    /** What template.yaml gives the function, pointed at the test database and ElasticMQ. */
    static Map<String, Object> environment(TestDatabase db, String queueUrl) {
        Map<String, Object> environment = new HashMap<>();
        environment.put("DB_URL", db.awsWrapperUrl());
        environment.put("DB_USER", db.user());
        environment.put("DB_PASSWORD", db.password());
        environment.put("BULK_SMS_QUEUE_URL", queueUrl);
        environment.put("SQS_ENDPOINT", LocalSqs.instance().endpoint().toString());
        environment.put("BULK_SMS_RECIPIENTS_PER_MESSAGE", "25");
        String idempotencyTable = LocalDynamoDb.uniqueTableName("bulk-sms-idem");
        LocalDynamoDb.instance().createCacheTable(idempotencyTable);
        environment.put("IDEMPOTENCY_TABLE", idempotencyTable);
        environment.put("DYNAMODB_ENDPOINT", LocalDynamoDb.instance().endpoint().toString());
        return environment;
    }

    APIGatewayV2HTTPResponse invoke(APIGatewayV2HTTPEvent event) {
        return handler.handleRequest(event, new TestLambdaContext("bulk-sms"));
    }

    JsonNode body(APIGatewayV2HTTPResponse response) {
        return parse(response.getBody());
    }

    JsonNode parse(String text) {
        try {
            return json.readValue(text, JsonNode.class);
        } catch (IOException e) {
            throw new UncheckedIOException("not JSON: " + text, e);
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
