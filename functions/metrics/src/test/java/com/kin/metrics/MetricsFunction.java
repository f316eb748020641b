package com.kin.metrics;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.kin.metrics.report.MetricsReport;
import com.kin.testing.TestLambdaContext;
import io.micronaut.context.ApplicationContext;
import io.micronaut.context.env.PropertySource;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * The real metrics handler, configured by environment variables named as in template.yaml, as a test drives it. Not
 * kin-testing's FunctionHarness: that one wires a database and DynamoDB tables, and this function uses neither.
 */
final class MetricsFunction implements AutoCloseable {

    private final ApplicationContext context;
    private final MetricsHandler handler;
    private final JsonMapper json;

    MetricsFunction(Map<String, Object> environment) {
        context = ApplicationContext.builder()
                .propertySources(PropertySource.of("test-env", environment,
                        PropertySource.PropertyConvention.ENVIRONMENT_VARIABLE, PropertySource.Origin.of("test-env")))
                .start();
        handler = new MetricsHandler(context);
        json = context.getBean(JsonMapper.class);
    }

    APIGatewayV2HTTPResponse invoke(APIGatewayV2HTTPEvent event) {
        return handler.handleRequest(event, new TestLambdaContext("metrics"));
    }

    JsonNode body(APIGatewayV2HTTPResponse response) {
        try {
            return json.readValue(response.getBody(), JsonNode.class);
        } catch (IOException e) {
            throw new UncheckedIOException("response body is not JSON: " + response.getBody(), e);
        }
    }

    /** The body read back into the report's own type. */
    MetricsReport report(APIGatewayV2HTTPResponse response) {
        try {
            return json.readValue(response.getBody(), MetricsReport.class);
        } catch (IOException e) {
            throw new UncheckedIOException("response body is not a report: " + response.getBody(), e);
        }
    }

    @Override
    public void close() {
        context.close();
    }
}
