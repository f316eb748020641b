package com.kin.metrics;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.kin.metrics.report.MetricsReport;
import com.kin.testing.FunctionHarness;
import io.micronaut.json.JsonMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * The real metrics handler, configured by environment variables named as in template.yaml, as a test drives it: no
 * database and no DynamoDB tables, which this function does not use.
 */
final class MetricsFunction extends FunctionHarness {

    MetricsFunction(Map<String, Object> environment) {
        super("metrics", environment, MetricsHandler::new);
    }

    /** The body read back into the report's own type. */
    MetricsReport report(APIGatewayV2HTTPResponse response) {
        try {
            return bean(JsonMapper.class).readValue(response.getBody(), MetricsReport.class);
        } catch (IOException e) {
            throw new UncheckedIOException("response body is not a report: " + response.getBody(), e);
        }
    }
}
