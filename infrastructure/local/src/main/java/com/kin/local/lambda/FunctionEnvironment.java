package com.kin.local.lambda;

import com.kin.local.services.LocalServices;
import com.kin.local.template.FunctionSpec;
import com.kin.local.template.IntrinsicResolver;
import com.kin.local.template.LocalStack;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * The environment of a function JVM, built in three layers: the template's variables with their intrinsics resolved
 * against the local stack; {@link #LOCAL_RULES}, where a deployed value means AWS infrastructure that is a local
 * service here; and the variables Lambda itself sets, which no template may override. A new plain-string variable in
 * template.yaml needs no change here.
 */
public final class FunctionEnvironment {

    /** One local substitution: {@code value} of the function and the services; a null value leaves the variable. */
    private record Rule(String name, String onlyIfTemplateSets, BiFunction<FunctionSpec, LocalServices, String> value) {
    }

    /** Twilio's local test account, documented in shared/twilio/README.md; signatures are checked with its token. */
    public static final String LOCAL_TWILIO_ACCOUNT_SID = "AC0123456789abcdef0123456789abcdef";
    public static final String LOCAL_TWILIO_AUTH_TOKEN = "local-twilio-auth-token";

    /** The whole local substitution table. */
    private static final List<Rule> LOCAL_RULES = List.of(
            // The RDS Proxy endpoint becomes the embedded Postgres; IAM tokens need AWS, so the local role has a password.
            new Rule("DB_URL", "DB_URL", (function, services) -> services.wrapperJdbcUrl()),
            new Rule("DB_USER", "DB_URL", (function, services) -> services.dbUser()),
            new Rule("DB_PASSWORD", "DB_URL", (function, services) -> services.dbPassword()),
            new Rule("DB_IAM_AUTH", "DB_URL", (function, services) -> "false"),
            // Secrets Manager is not there: Twilio credentials come inline, the local test account's.
            new Rule("TWILIO_SECRET_ARN", "TWILIO_SECRET_ARN", (function, services) -> ""),
            new Rule("TWILIO_ACCOUNT_SID", "TWILIO_SECRET_ARN", (function, services) -> LOCAL_TWILIO_ACCOUNT_SID),
            new Rule("TWILIO_AUTH_TOKEN", "TWILIO_SECRET_ARN", (function, services) -> LOCAL_TWILIO_AUTH_TOKEN),
            // Twilio's REST API is the local stand-in (com.kin.local.services.twilio), never api.twilio.com.
            new Rule("TWILIO_API_BASE_URL", "TWILIO_SECRET_ARN", (function, services) -> services.twilioUrl()),
            // Twilio signs the URL it called: locally the function URL is the gateway's /fn/<LogicalId>.
            new Rule("TWILIO_WEBHOOK_BASE_URL", "TWILIO_WEBHOOK_BASE_URL",
                    (function, services) -> function.functionUrl() == null ? null : services.functionUrl(function.logicalId())),
            // The AWS SDK clients of shared/ honour these endpoint overrides.
            new Rule("DYNAMODB_ENDPOINT", null, (function, services) -> services.dynamoDbEndpoint()),
            new Rule("SQS_ENDPOINT", null, (function, services) -> services.sqsEndpoint()),
            // CloudWatch's metric reads are the local runtime's own store of the functions' EMF output.
            new Rule("METRICS_SOURCE", "METRICS_SOURCE", (function, services) -> services.metricsUrl() == null ? null : "local"),
            new Rule("METRICS_LOCAL_URL", "METRICS_SOURCE", (function, services) -> services.metricsUrl()),
            new Rule("AWS_ACCESS_KEY_ID", null, (function, services) -> "local"),
            new Rule("AWS_SECRET_ACCESS_KEY", null, (function, services) -> "local"));

    private FunctionEnvironment() {
    }

    public static Map<String, String> of(FunctionSpec function, IntrinsicResolver resolver, LocalServices services) {
        Map<String, String> environment = new LinkedHashMap<>();
        function.environment().forEach((name, value) -> environment.put(name, resolver.resolveString(value,
                "Resources." + function.logicalId() + ".Environment.Variables." + name)));
        for (Rule rule : LOCAL_RULES) {
            String value = rule.value().apply(function, services);
            if (value != null && (rule.onlyIfTemplateSets() == null || environment.containsKey(rule.onlyIfTemplateSets()))) {
                environment.put(rule.name(), value);
            }
        }
        environment.putAll(lambdaReserved(function));
        return environment;
    }

    /** What the Lambda service sets in every execution environment (AWS_LAMBDA_RUNTIME_API is per instance). */
    private static Map<String, String> lambdaReserved(FunctionSpec function) {
        Map<String, String> reserved = new LinkedHashMap<>();
        reserved.put("_HANDLER", function.handler());
        reserved.put("AWS_REGION", LocalStack.REGION);
        reserved.put("AWS_DEFAULT_REGION", LocalStack.REGION);
        reserved.put("AWS_EXECUTION_ENV", "AWS_Lambda_" + function.runtime());
        reserved.put("AWS_LAMBDA_FUNCTION_NAME", function.functionName());
        reserved.put("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", String.valueOf(function.memoryMb()));
        reserved.put("AWS_LAMBDA_FUNCTION_VERSION", "$LATEST");
        reserved.put("AWS_LAMBDA_INITIALIZATION_TYPE", "on-demand");
        reserved.put("AWS_LAMBDA_LOG_GROUP_NAME", "/aws/lambda/" + function.functionName());
        reserved.put("AWS_LAMBDA_LOG_STREAM_NAME", "local/[$LATEST]" + function.logicalId());
        if (function.logFormat() != null) {
            reserved.put("AWS_LAMBDA_LOG_FORMAT", function.logFormat());
        }
        reserved.put("TZ", ":UTC");
        reserved.put("LANG", "en_US.UTF-8");
        return reserved;
    }
}
