package com.kin.calls;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.kin.testing.TestDatabase;
import com.kin.testing.TestLambdaContext;
import io.micronaut.context.ApplicationContext;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

/** The real calls handler wired to the test database, as a test drives it. */
final class CallsFunction implements AutoCloseable {

    private final ApplicationContext context;
    private final CallsHandler handler;
    private final JsonMapper json;

    CallsFunction(TestDatabase db) {
        context = ApplicationContext.builder()
                .properties(Map.of(
                        "db.url", db.awsWrapperUrl(),
                        "db.user", db.user(),
                        "db.password", db.password()))
                .start();
        handler = new CallsHandler(context);
        json = context.getBean(JsonMapper.class);
    }

    APIGatewayV2HTTPResponse invoke(APIGatewayV2HTTPEvent event) {
        return handler.handleRequest(event, new TestLambdaContext("calls"));
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
