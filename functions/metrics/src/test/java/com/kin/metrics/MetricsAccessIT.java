package com.kin.metrics;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.kin.testing.LambdaEvents;
import com.kin.testing.SampleUsers;
import io.micronaut.json.tree.JsonNode;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Who may read the metrics report, and what a bad window gets: all answered before the source is asked anything. */
class MetricsAccessIT {

    private WireMockServer source;
    private MetricsFunction function;

    @BeforeEach
    void start() {
        source = new WireMockServer(options().dynamicPort());
        source.start();
        function = new MetricsFunction(Map.of("METRICS_SOURCE", "local", "METRICS_LOCAL_URL",
                source.baseUrl() + "/_local/metrics"));
    }

    @AfterEach
    void stop() {
        function.close();
        source.stop();
    }

    @Test
    void report_asAgentOrManager_returns403() {
        assertProblem(function.invoke(withRole("agent", SampleUsers.AGENT1)), 403);
        assertProblem(function.invoke(withRole("manager", SampleUsers.MANAGER)), 403);
    }

    @Test
    void report_withoutClaims_returns401() {
        APIGatewayV2HTTPEvent event = LambdaEvents.http("metrics/get.json");
        event.getRequestContext().setAuthorizer(null);

        assertProblem(function.invoke(event), 401);
    }

    @Test
    void badWindow_returns400NamingTheParameter() {
        for (String bad : new String[] {"15m", "PT2H", "PT30S"}) {
            JsonNode problem = assertProblem(function.invoke(LambdaEvents.http("metrics/get.json",
                    json -> json.replace("PT15M", bad))), 400);
            assertThat(problem.get("errors").get("window").getStringValue()).contains("whole minutes");
        }
    }

    private JsonNode assertProblem(APIGatewayV2HTTPResponse response, int status) {
        JsonNode problem = function.assertProblem(response, status, null);
        assertThat(source.getAllServeEvents()).as("the source was asked").isEmpty();
        return problem;
    }

    private static APIGatewayV2HTTPEvent withRole(String role, UUID subject) {
        return LambdaEvents.as(LambdaEvents.http("metrics/get.json"), subject, role, "sales");
    }
}
