package com.kin.bench.coldstart;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.kin.local.lambda.FunctionPool;
import com.kin.local.lambda.InvocationResult;
import com.kin.local.lambda.LambdaRuntime;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * One cold start: a pool of one instance of the target on the local runtime's Lambda service (so the JVM is started by
 * kin-local's launcher with Lambda's flags and the runtime interface client), one event, the time from the moment the
 * pool is asked to start the process to the moment the Runtime API receives the response, then the JVM is killed.
 */
final class ColdStartRunner implements AutoCloseable {

    /** One sample; {@code classesLoaded} is -1 unless the class-load log was asked for. */
    record Sample(double millis, int classesLoaded) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long TIMEOUT_SECONDS = 180;

    private final LambdaRuntime lambda;
    private final DynamoDbClient dynamo;
    private final Path diagnostics;

    ColdStartRunner(LambdaRuntime lambda, String dynamoEndpoint, Path diagnostics) {
        this.lambda = lambda;
        this.dynamo = DynamoDbClient.builder().endpointOverride(URI.create(dynamoEndpoint)).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local"))).build();
        this.diagnostics = diagnostics;
    }

    Sample measure(ColdStartTarget target, byte[] event, String runId) throws Exception {
        emptyCache(target.environment().get("CACHE_TABLE"));
        Path classLog = diagnostics == null ? null : diagnostics.resolve("classload-" + runId + ".txt");
        ColdStartTarget measured = classLog == null ? target
                : target.withJavaToolOptions("-Xlog:class+load=info:file=" + classLog);
        try (FunctionPool pool = lambda.pool(measured.spec(), measured.environment(), 1)) {
            long started = System.nanoTime();
            InvocationResult result = pool.invoke(event).result().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            double millis = (System.nanoTime() - started) / 1e6;
            requireOk(target, result);
            return new Sample(millis, classLog == null ? -1 : countLines(classLog));
        }
    }

    /**
     * Every run starts with an empty cache table, so the function's first GET reads the database like the floor does
     * (an L2 hit left by the previous run would skip the query the comparison is about).
     */
    private void emptyCache(String table) {
        if (table == null) {
            return;
        }
        dynamo.scanPaginator(b -> b.tableName(table).attributesToGet("pk")).items().forEach(item ->
                dynamo.deleteItem(b -> b.tableName(table).key(Map.of("pk", item.get("pk")))));
    }

    private static void requireOk(ColdStartTarget target, InvocationResult result) throws IOException {
        String payload = new String(result.payload(), StandardCharsets.UTF_8);
        if (result instanceof InvocationResult.Failure) {
            throw new IllegalStateException("coldstart - " + target.spec().logicalId() + " failed: " + payload);
        }
        JsonNode response = JSON.readTree(payload);
        if (response.path("statusCode").asInt() != 200) {
            throw new IllegalStateException("coldstart - " + target.spec().logicalId()
                    + " did not answer 200 to the sample, so it is not measuring a database read: " + payload);
        }
    }

    private static int countLines(Path file) throws IOException {
        try (var lines = Files.lines(file)) {
            return (int) lines.count();
        }
    }

    @Override
    public void close() throws IOException {
        dynamo.close();
        lambda.close();
    }

}
