package com.kin.local.template;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * One {@code AWS::Serverless::Function} with Globals.Function merged in. {@code environment} keeps its intrinsics:
 * they resolve only once the local services have addresses. {@code eventsNotRunLocally} names the events of a type
 * the local runtime has no source for (a schedule, say), so that it can say so.
 */
public record FunctionSpec(String logicalId, String functionName, String handler, Path codeUri, String runtime,
                           int memoryMb, int timeoutSeconds, Map<String, Object> environment,
                           List<HttpRouteSpec> routes, List<SqsSourceSpec> sqsSources, FunctionUrlSpec functionUrl,
                           int reservedConcurrency, String logFormat, List<String> eventsNotRunLocally) {

    /** An {@code HttpApi} event: one route of one HTTP API. {@code authorizer} is null for an open route. */
    public record HttpRouteSpec(String functionId, String apiId, String method, String path, String authorizer,
                                List<String> scopes) {

        public String routeKey() {
            return method.equals("ANY") && path.equals("$default") ? "$default" : method + " " + path;
        }
    }

    /** An {@code SQS} event source mapping. */
    public record SqsSourceSpec(String eventName, String queueId, int batchSize, boolean reportBatchItemFailures,
                                boolean enabled) {
    }

    /** {@code FunctionUrlConfig}: {@code authType} NONE or AWS_IAM. */
    public record FunctionUrlSpec(String authType) {
    }
}
