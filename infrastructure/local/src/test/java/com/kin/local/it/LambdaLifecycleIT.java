package com.kin.local.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.kin.local.lambda.FunctionPool;
import com.kin.local.lambda.InvocationResult;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Function JVMs like Lambda's: started by the runtime interface client, reused while warm, scaled out under
 * concurrency up to the limit, replaced after a timeout or a crash, with the template's environment and Lambda's
 * JVM flags.
 */
@ExtendWith(FixtureStackExtension.class)
class LambdaLifecycleIT {

    private final FixtureStack stack;

    LambdaLifecycleIT(FixtureStack stack) {
        this.stack = stack;
    }

    @Test
    void warmInstance_isReused() throws Exception {
        long first = pid(stack.authorizedGet("/warm"));
        long second = pid(stack.authorizedGet("/warm"));
        long third = pid(stack.authorizedGet("/warm"));

        assertThat(second).isEqualTo(first);
        assertThat(third).isEqualTo(first);
    }

    @Test
    void environment_isTheTemplatesWithLocalEndpoints() throws Exception {
        JsonNode environment = FixtureStack.json(stack.authorizedGet("/echo")).path("environment");
        var services = stack.platform.services();

        assertThat(environment.path("DB_URL").asText()).isEqualTo("jdbc:aws-wrapper:postgresql://127.0.0.1:"
                + services.postgresPort() + "/kin");
        assertThat(environment.path("DB_IAM_AUTH").asText()).isEqualTo("false");
        assertThat(environment.path("DB_USER").asText()).isEqualTo("kin_app");
        assertThat(environment.path("DB_PASSWORD").asText()).isNotEmpty();
        assertThat(environment.path("CACHE_TABLE").asText()).isEqualTo("kin-it-cache");
        assertThat(environment.path("WORK_QUEUE_URL").asText()).isEqualTo(services.sqsEndpoint() + "/000000000000/kin-it-work");
        assertThat(environment.path("PLAIN").asText()).isEqualTo("plain-value");
        assertThat(environment.path("DYNAMODB_ENDPOINT").asText()).isEqualTo(services.dynamoDbEndpoint());
        assertThat(environment.path("SQS_ENDPOINT").asText()).isEqualTo(services.sqsEndpoint());
        assertThat(environment.path("AWS_REGION").asText()).isEqualTo("us-east-1");
        assertThat(environment.path("AWS_LAMBDA_FUNCTION_MEMORY_SIZE").asText()).isEqualTo("256");
        assertThat(environment.path("_HANDLER").asText()).isEqualTo("com.kin.local.fixture.EchoHandler");
        assertThat(environment.path("HOME").isNull()).as("the developer's environment does not leak in").isTrue();
    }

    @Test
    void functionJvm_runsWithLambdasJavaFlags() throws Exception {
        JsonNode echo = FixtureStack.json(stack.authorizedGet("/echo"));

        assertThat(echo.path("jvmArguments").toString()).contains("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
                "-XX:MaxHeapSize=222822k", "-Xshare:auto", "-XX:+ErrorFileToStderr");
        assertThat(echo.path("remainingTimeMs").asLong()).isBetween(1L, 10_000L);
        assertThat(echo.path("invokedFunctionArn").asText()).isEqualTo("arn:aws:lambda:us-east-1:000000000000:function:kin-local-EchoFunction");
    }

    @Test
    void timeout_isAnswered500AndTheInstanceReplaced() throws Exception {
        long before = pid(stack.authorizedGet("/slow"));

        HttpResponse<String> timedOut = stack.authorizedGet("/slow?sleepMs=6000");
        long after = pid(stack.authorizedGet("/slow"));

        assertThat(timedOut.statusCode()).isEqualTo(500);
        assertThat(timedOut.body()).isEqualTo("{\"message\":\"Internal Server Error\"}");
        assertThat(after).isNotEqualTo(before);
        assertThat(ProcessHandle.of(before)).isEmpty();
    }

    @Test
    void functionError_isAnswered500AndLogged_andTheSameInstanceServesOn() throws Exception {
        long before = pid(stack.authorizedGet("/warm"));

        HttpResponse<String> failed = stack.authorizedGet("/warm?throw");
        long after = pid(stack.authorizedGet("/warm"));

        assertThat(failed.statusCode()).isEqualTo(500);
        assertThat(failed.body()).isEqualTo("{\"message\":\"Internal Server Error\"}");
        assertThat(after).as("a function error keeps the execution environment").isEqualTo(before);
        // The runtime client posted the exception to /invocation/{id}/error: its type reaches the gateway's log line,
        // and the function's own output (its instance's lines) shows the message.
        List<String> lines = stack.log.lines();
        assertThat(lines).anySatisfy(line -> assertThat(line).startsWith("kin ")
                .contains("WarmFunction", "IllegalStateException", "- 500"));
        assertThat(lines).anySatisfy(line -> assertThat(line).startsWith("WarmFunction-")
                .contains("echo - failing on purpose (?throw)"));
    }

    @Test
    void everyInstanceThatServed_loggedOneColdStart_andItsFirstReportCarriesTheInitDuration() throws Exception {
        pid(stack.authorizedGet("/echo"));

        Map<String, List<String>> served = CapturedLog.byInstance(stack.log.lines()).entrySet().stream()
                .filter(instance -> CapturedLog.count(instance.getValue(), "START RequestId: ") > 0)
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));

        assertThat(served).isNotEmpty();
        served.forEach((id, texts) -> {
            List<String> reports = texts.stream().filter(text -> text.startsWith("REPORT RequestId: ")).toList();
            assertThat(CapturedLog.count(texts, "INIT_REPORT Init Duration: ")).as(id).isEqualTo(1);
            assertThat(texts.indexOf(texts.stream().filter(t -> t.startsWith("INIT_REPORT")).findFirst().orElseThrow()))
                    .as(id + ": INIT_REPORT before the first START")
                    .isLessThan(texts.indexOf(texts.stream().filter(t -> t.startsWith("START")).findFirst().orElseThrow()));
            if (!reports.isEmpty()) {
                assertThat(reports.get(0)).as(id).contains("\tInit Duration: ");
                assertThat(reports.subList(1, reports.size())).as(id).noneMatch(r -> r.contains("Init Duration"));
            }
        });
    }

    @Test
    void crash_isAnswered500AndTheNextCallStartsANewInstance() throws Exception {
        long before = pid(stack.authorizedGet("/crash?survive"));

        HttpResponse<String> crashed = stack.authorizedGet("/crash");
        HttpResponse<String> recovered = stack.authorizedGet("/crash?survive");

        assertThat(crashed.statusCode()).isEqualTo(500);
        assertThat(recovered.statusCode()).isEqualTo(200);
        assertThat(pid(recovered)).isNotEqualTo(before);
    }

    @Test
    void initFailure_isAnswered500() throws Exception {
        assertThat(stack.authorizedGet("/broken").statusCode()).isEqualTo(500);
        assertThat(stack.authorizedGet("/broken").statusCode()).isEqualTo(500);
    }

    @Test
    void concurrentRequests_startInstancesUpToTheLimit() throws Exception {
        ExecutorService clients = Executors.newFixedThreadPool(3);
        try {
            List<Future<HttpResponse<String>>> responses = clients.invokeAll(List.of(
                    () -> stack.authorizedGet("/echo?sleepMs=4000"), () -> stack.authorizedGet("/echo?sleepMs=4000"),
                    () -> stack.authorizedGet("/echo?sleepMs=4000")));
            Set<Long> pids = responses.stream().map(LambdaLifecycleIT::pidOf).collect(Collectors.toSet());

            assertThat(pids).hasSize(FixtureStack.MAX_INSTANCES);
        } finally {
            clients.shutdown();
            clients.awaitTermination(1, TimeUnit.MINUTES);
        }
    }

    @Test
    void directInvocation_returnsTheFunctionsPayload() throws Exception {
        FunctionPool echo = stack.platform.function("echo").orElseThrow();
        String event = "{\"version\":\"2.0\",\"routeKey\":\"GET /echo\",\"rawPath\":\"/echo\",\"rawQueryString\":\"\","
                + "\"headers\":{},\"requestContext\":{\"http\":{\"method\":\"GET\",\"path\":\"/echo\"},\"requestId\":\"r1\"},"
                + "\"isBase64Encoded\":false}";

        InvocationResult result = echo.invoke(event.getBytes(StandardCharsets.UTF_8)).result().get(30, TimeUnit.SECONDS);

        assertThat(result).isInstanceOf(InvocationResult.Success.class);
        assertThat(new ObjectMapper().readTree(result.payload()).path("statusCode").asInt()).isEqualTo(200);
    }

    private static long pid(HttpResponse<String> response) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return FixtureStack.json(response).path("pid").asLong();
    }

    private static long pidOf(Future<HttpResponse<String>> response) {
        try {
            return pid(response.get());
        } catch (Exception e) {
            throw new AssertionError("a concurrent request failed", e);
        }
    }
}
