package com.kin.observability.it;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.context.ApplicationContext;
import io.micronaut.function.aws.proxy.payload2.APIGatewayV2HTTPEventFunction;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;

/** A Micronaut function as Lambda runs it: payload 2.0 events from test resources, one Lambda context each. */
final class FunctionUnderTest implements AutoCloseable {

    static final String NAME = "kin-dev-things";
    private static final ObjectMapper JSON =
            new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private final ApplicationContext context;
    private final APIGatewayV2HTTPEventFunction function;

    FunctionUnderTest(Map<String, Object> extraProperties) {
        Map<String, Object> properties = new HashMap<>(extraProperties);
        properties.put("aws.lambda.function.name", NAME);
        context = ApplicationContext.run(properties);
        function = new APIGatewayV2HTTPEventFunction(context);
    }

    APIGatewayV2HTTPResponse invoke(String eventFile, String lambdaRequestId) {
        return function.handleRequest(event(eventFile), new TestLambdaContext(lambdaRequestId, NAME));
    }

    static APIGatewayV2HTTPEvent event(String eventFile) {
        try (InputStream json = FunctionUnderTest.class.getResourceAsStream("/events/" + eventFile)) {
            if (json == null) {
                throw new IllegalArgumentException("no test event " + eventFile);
            }
            return JSON.readValue(json, APIGatewayV2HTTPEvent.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    ApplicationContext context() {
        return context;
    }

    @Override
    public void close() {
        context.close();
    }
}
