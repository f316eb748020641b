package com.kin.health;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.kin.testing.LambdaEvents;
import com.kin.testing.SampleUsers;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Who may read the health report, and the liveness route that anyone (a load balancer) may call. */
class HealthAccessIT {

    static Dependencies dependencies;
    HealthFunction function;

    @BeforeAll
    static void start() {
        dependencies = new Dependencies();
    }

    @AfterAll
    static void stop() {
        dependencies.close();
    }

    @BeforeEach
    void startFunction() {
        dependencies.answerNormally();
        function = new HealthFunction(dependencies.environment(dependencies.cacheTable(true), dependencies.queue()));
    }

    @AfterEach
    void closeFunction() {
        function.close();
    }

    @Test
    void report_asAgentOrManager_returns403_andChecksNothing() {
        assertProblem(function.invoke(withRole("agent", SampleUsers.AGENT1)), 403);
        assertProblem(function.invoke(withRole("manager", SampleUsers.MANAGER)), 403);

        assertThat(dependencies.twilio.getAllServeEvents()).isEmpty();
        assertThat(dependencies.quickBase.getAllServeEvents()).isEmpty();
    }

    @Test
    void report_withoutClaims_returns401() {
        APIGatewayV2HTTPEvent event = LambdaEvents.http("health/health.json");
        event.getRequestContext().setAuthorizer(null);

        assertProblem(function.invoke(event), 401);
        assertThat(dependencies.twilio.getAllServeEvents()).isEmpty();
    }

    @Test
    void live_withoutClaimsOrDatabase_answersOk_andCallsNothing() {
        function.close();
        Map<String, Object> environment = dependencies.environment(dependencies.cacheTable(true), dependencies.queue());
        environment.remove("DB_URL");
        environment.remove("DB_USER");
        environment.remove("DB_PASSWORD");
        function = new HealthFunction(environment);

        APIGatewayV2HTTPResponse response = function.invoke(LambdaEvents.http("health/live.json"));

        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(200);
        assertThat(response.getHeaders()).containsEntry("Cache-Control", "no-store");
        assertThat(function.body(response).get("status").getStringValue()).isEqualTo("ok");
        assertThat(response.getBody()).isEqualTo("{\"status\":\"ok\"}");
        assertThat(dependencies.twilio.getAllServeEvents()).isEmpty();
        assertThat(dependencies.quickBase.getAllServeEvents()).isEmpty();
    }

    private static APIGatewayV2HTTPEvent withRole(String role, UUID subject) {
        return LambdaEvents.as(LambdaEvents.http("health/health.json"), subject, role, "sales");
    }

    private void assertProblem(APIGatewayV2HTTPResponse response, int status) {
        function.assertProblem(response, status, null);
        Reports.assertNoSecret(response);
    }
}
