package com.kin.observability.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.kin.observability.logging.UnregisteredLambdaContext;
import com.kin.observability.testing.CapturedLogs;
import com.kin.observability.testing.CapturedStdout;
import com.kin.observability.testing.EmfDocument;
import io.micronaut.function.aws.LambdaContextFactory;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.config.Configurator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Boots a function with a tiny controller and drives it with real API Gateway / function URL payload 2.0 events. */
class RequestObservabilityIT {

    private static final String THING_REQUEST_ID = "JkT0ahzGIAMEbcw=";
    private static final String THING_ROUTE = "GET:/api/things/{id}";

    private FunctionUnderTest function;
    private CapturedLogs logs;
    private CapturedStdout stdout;

    @BeforeEach
    void start() {
        function = new FunctionUnderTest(Map.of());
        logs = CapturedLogs.start();
        stdout = CapturedStdout.start();
    }

    @AfterEach
    void stop() {
        stdout.close();
        logs.close();
        function.close();
    }

    @Test
    void get_everyLogLineCarriesRequestCorrelationAndLambdaFields() {
        APIGatewayV2HTTPResponse response = function.invoke("get-thing.json", "lambda-invocation-1");

        assertThat(response.getStatusCode()).isEqualTo(200);
        assertThat(response.getHeaders()).containsEntry("x-request-id", THING_REQUEST_ID);
        List<JsonNode> requestLines = List.of(
                logs.withMessage("loading thing").get(0), logs.withMessage("request completed").get(0));
        assertThat(requestLines).allSatisfy(line -> {
            assertThat(line.path("request_id").asText()).isEqualTo(THING_REQUEST_ID);
            assertThat(line.path("correlation_id").asText()).isEqualTo(THING_REQUEST_ID);
            assertThat(line.path("function_name").asText()).isEqualTo(FunctionUnderTest.NAME);
            assertThat(line.path("function_request_id").asText()).isEqualTo("lambda-invocation-1");
            assertThat(line.path("cold_start").asBoolean()).isTrue();
            assertThat(line.path("route").asText()).isEqualTo(THING_ROUTE);
        });
        assertThat(logs.withMessage("request completed").get(0).path("status").asInt()).isEqualTo(200);
    }

    @Test
    void invocations_leaveNoLambdaContextBeansBehind_yetLogsKeepTheLambdaRequestId() {
        function.invoke("get-thing.json", "lambda-invocation-1");
        function.invoke("get-thing.json", "lambda-invocation-2");

        assertThat(function.context().getBean(LambdaContextFactory.class)).isInstanceOf(UnregisteredLambdaContext.class);
        assertThat(function.context().findBean(Context.class)).isEmpty();
        assertThat(function.context().findBean(LambdaLogger.class)).isEmpty();
        assertThat(logs.withMessage("request completed")).map(line -> line.path("function_request_id").asText())
                .containsExactly("lambda-invocation-1", "lambda-invocation-2");
    }

    @Test
    void get_emfCarriesTheRouteTemplateNeverThePath() {
        function.invoke("get-thing.json", "lambda-invocation-1");

        EmfDocument requestMetrics = documentWith("RequestCount");
        assertThat(requestMetrics.namespace()).isEqualTo("KIN");
        assertThat(requestMetrics.dimension("function")).isEqualTo(FunctionUnderTest.NAME);
        assertThat(requestMetrics.dimension("route")).isEqualTo(THING_ROUTE);
        assertThat(requestMetrics.dimensionSets()).containsExactly(List.of("function"), List.of("function", "route"));
        assertThat(requestMetrics.metricNames())
                .containsExactlyInAnyOrder("RequestLatency", "RequestCount", "Request4xx", "Request5xx");
        assertThat(requestMetrics.values("Request5xx")).containsExactly(0.0);
        assertThat(stdout.emfDocuments()).map(document -> document.dimension("route"))
                .filteredOn(Objects::nonNull)
                .noneMatch(route -> route.contains("42"));
    }

    @Test
    void secondInvocation_isWarm_andColdStartIsCountedOnce() {
        function.invoke("get-thing.json", "lambda-invocation-1");
        function.invoke("get-thing.json", "lambda-invocation-2");

        List<JsonNode> completed = logs.withMessage("request completed");
        assertThat(completed).extracting(line -> line.path("cold_start").asBoolean()).containsExactly(true, false);
        assertThat(completed).extracting(line -> line.path("function_request_id").asText())
                .containsExactly("lambda-invocation-1", "lambda-invocation-2");
        int coldStarts = stdout.emfDocuments().stream().mapToInt(document -> document.values("ColdStart").size()).sum();
        assertThat(coldStarts).isEqualTo(1);
        assertThat(documentWith("ColdStart").dimensionSets()).containsExactly(List.of("function"));
    }

    @Test
    void twilioWebhook_correlatesByCallSid_andLogsNoPhoneNumber() {
        APIGatewayV2HTTPResponse response = function.invoke("post-twilio-voice.json", "lambda-invocation-3");

        assertThat(response.getStatusCode()).isEqualTo(200);
        JsonNode line = logs.withMessage("voice webhook received").get(0);
        assertThat(line.path("correlation_id").asText()).isEqualTo("CA5f1d3c0a9b8e7d6c5b4a39281706f5e4");
        assertThat(line.path("request_id").asText()).isEqualTo("6f0e4c1a-93b2-4d5e-8f7a-1b2c3d4e5f60");
        assertThat(logs.raw()).doesNotContain("4155550123").doesNotContain("4155550199");
    }

    @Test
    void unhandledException_isLoggedOnceWithItsCause_andCountedAs5xx() {
        APIGatewayV2HTTPResponse response = function.invoke("get-broken.json", "lambda-invocation-4");

        assertThat(response.getStatusCode()).isEqualTo(500);
        // The client gets the generic detail only: the exception's class and message stay in the log.
        assertThat(response.getHeaders().get("Content-Type")).startsWith("application/problem+json");
        assertThat(response.getBody())
                .contains("\"detail\":\"internal error - the failure was logged with this request id\"")
                .doesNotContain("IllegalStateException").doesNotContain("java.lang").doesNotContain("com.kin.")
                .doesNotContain("store unreachable").doesNotContain("\tat ");
        assertThat(logs.withMessage("request failed")).singleElement().satisfies(line -> {
            assertThat(line.path("level").asText()).isEqualTo("ERROR");
            assertThat(line.path("request_id").asText()).isEqualTo("Kx1BbhzGIAMEcAQ=");
            assertThat(line.path("error").path("name").asText()).isEqualTo(IllegalStateException.class.getName());
            assertThat(line.path("error").path("message").asText()).isEqualTo("things - store unreachable");
        });
        assertThat(documentWith("Request5xx").values("Request5xx")).containsExactly(1.0);
        assertThat(documentWith("Request5xx").dimension("route")).isEqualTo("GET:/api/things/broken/now");
    }

    @Test
    void errorShapedByAnExceptionHandler_stillReachesTheLogWithItsCause() {
        APIGatewayV2HTTPResponse response = function.invoke("get-database-down.json", "lambda-invocation-5");

        assertThat(response.getStatusCode()).isEqualTo(503);
        assertThat(response.getBody()).doesNotContain("pool timeout").doesNotContain("SQLTransientConnectionException");
        JsonNode line = logs.withMessage("request failed").get(0);
        assertThat(line.path("status").asInt()).isEqualTo(503);
        assertThat(line.path("error").path("stack").asText())
                .contains("things - database unavailable")
                .contains("pool timeout after 5000ms");
    }

    @Test
    void debugLogging_ofARequest_neverPrintsItsBearerToken() {
        // Every logger at DEBUG, as Powertools sets them for POWERTOOLS_LOG_LEVEL=DEBUG.
        Configurator.setAllLevels(LogManager.ROOT_LOGGER_NAME, Level.DEBUG);
        try {
            function.invoke("get-thing.json", "lambda-invocation-7");
        } finally {
            ((LoggerContext) LogManager.getContext(false)).reconfigure();
        }

        assertThat(logs.lines()).as("the framework's DEBUG lines are captured")
                .anySatisfy(line -> assertThat(line.path("level").asText()).isEqualTo("DEBUG"));
        assertThat(logs.raw()).doesNotContain("eyJhbGciOiJSUzI1NiJ9").doesNotContain("c2lnbmF0dXJl");
    }

    @Test
    void unmatchedPath_isCountedUnderOneLabel() {
        APIGatewayV2HTTPResponse response = function.invoke("get-unmatched.json", "lambda-invocation-6");

        assertThat(response.getStatusCode()).isEqualTo(404);
        EmfDocument document = documentWith("RequestCount");
        assertThat(document.dimension("route")).isEqualTo("UNMATCHED");
        assertThat(document.values("Request4xx")).containsExactly(1.0);
        assertThat(logs.withMessage("request completed").get(0).path("request_id").asText())
                .isEqualTo("Mz3DdhzGIAMEeCg=");
    }

    private EmfDocument documentWith(String metric) {
        return stdout.emfDocuments().stream()
                .filter(document -> document.has(metric))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no EMF document with " + metric + " in " + stdout.emfDocuments()));
    }
}
