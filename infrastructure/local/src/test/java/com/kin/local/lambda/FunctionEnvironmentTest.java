package com.kin.local.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import com.kin.local.services.LocalServices;
import com.kin.local.template.FunctionSpec;
import com.kin.local.template.IntrinsicResolver;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FunctionEnvironmentTest {

    private static final LocalServices SERVICES = new LocalServices(5433, "kin", "kin_app", "secret",
            "http://127.0.0.1:8000", "http://127.0.0.1:9324", "http://127.0.0.1:3000", "http://127.0.0.1:4000/_local/metrics",
            "http://127.0.0.1:4010");
    private final IntrinsicResolver resolver = new IntrinsicResolver(Map.of("Stage", "dev"), Map.of(), Map.of(),
            new IntrinsicResolver.References() {
                @Override
                public Object ref(String logicalId) {
                    return "local-" + logicalId;
                }

                @Override
                public String getAtt(String logicalId, String attribute) {
                    return logicalId + "." + attribute;
                }
            });

    @Test
    void templateVariables_areResolvedAndPlainStringsPassThrough() {
        Map<String, String> environment = FunctionEnvironment.of(function(variables(
                "CACHE_TABLE", Map.of("Ref", "CacheTable"), "NAME", Map.of("Fn::Sub", "kin-${Stage}"), "PLAIN", "x")), resolver, SERVICES);

        assertThat(environment).containsEntry("CACHE_TABLE", "local-CacheTable").containsEntry("NAME", "kin-dev")
                .containsEntry("PLAIN", "x");
    }

    @Test
    void database_pointsAtTheLocalPostgresWithAPassword() {
        Map<String, String> environment = FunctionEnvironment.of(function(variables(
                "DB_URL", "jdbc:aws-wrapper:postgresql://proxy.example:5432/kin", "DB_USER", "kin_app", "DB_IAM_AUTH", "true")),
                resolver, SERVICES);

        assertThat(environment).containsEntry("DB_URL", "jdbc:aws-wrapper:postgresql://127.0.0.1:5433/kin")
                .containsEntry("DB_IAM_AUTH", "false").containsEntry("DB_PASSWORD", "secret");
    }

    @Test
    void withoutDbUrl_noDatabaseVariablesAreAdded() {
        Map<String, String> environment = FunctionEnvironment.of(function(Map.of()), resolver, SERVICES);

        assertThat(environment).doesNotContainKeys("DB_URL", "DB_PASSWORD", "TWILIO_AUTH_TOKEN", "TWILIO_API_BASE_URL")
                .containsEntry("DYNAMODB_ENDPOINT", "http://127.0.0.1:8000").containsEntry("SQS_ENDPOINT", "http://127.0.0.1:9324")
                .containsEntry("AWS_REGION", "us-east-1").containsEntry("AWS_ACCESS_KEY_ID", "local");
    }

    @Test
    void twilioFunction_getsTheLocalAccountAndItsLocalWebhookUrl() {
        FunctionSpec webhook = function(variables("TWILIO_SECRET_ARN", "kin/dev/twilio", "TWILIO_WEBHOOK_BASE_URL", ""),
                new FunctionSpec.FunctionUrlSpec("NONE"));

        Map<String, String> environment = FunctionEnvironment.of(webhook, resolver, SERVICES);

        assertThat(environment).containsEntry("TWILIO_SECRET_ARN", "").containsEntry("TWILIO_AUTH_TOKEN", "local-twilio-auth-token")
                .containsEntry("TWILIO_WEBHOOK_BASE_URL", "http://127.0.0.1:3000/fn/Fn");
    }

    @Test
    void twilioFunction_callsTheLocalTwilioStandIn() {
        Map<String, String> environment = FunctionEnvironment.of(function(variables("TWILIO_SECRET_ARN", "kin/dev/twilio")),
                resolver, SERVICES);

        assertThat(environment).containsEntry("TWILIO_API_BASE_URL", "http://127.0.0.1:4010");
    }

    @Test
    void metricsFunction_readsTheLocalMetricsStoreInsteadOfCloudWatch() {
        Map<String, String> environment = FunctionEnvironment.of(function(variables(
                "METRICS_SOURCE", "cloudwatch", "METRICS_RETENTION_TIME", "3600000")), resolver, SERVICES);

        assertThat(environment).containsEntry("METRICS_SOURCE", "local")
                .containsEntry("METRICS_LOCAL_URL", "http://127.0.0.1:4000/_local/metrics")
                .containsEntry("METRICS_RETENTION_TIME", "3600000");
    }

    @Test
    void functionWithoutMetricsSource_getsNoMetricsVariables() {
        Map<String, String> environment = FunctionEnvironment.of(function(Map.of()), resolver, SERVICES);

        assertThat(environment).doesNotContainKeys("METRICS_SOURCE", "METRICS_LOCAL_URL");
    }

    @Test
    void lambdasReservedVariables_winOverTheTemplate() {
        Map<String, String> environment = FunctionEnvironment.of(function(variables("AWS_REGION", "eu-west-1")), resolver, SERVICES);

        assertThat(environment).containsEntry("AWS_REGION", "us-east-1").containsEntry("_HANDLER", "com.kin.Handler")
                .containsEntry("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", "512").containsEntry("AWS_LAMBDA_FUNCTION_NAME", "kin-local-Fn");
    }

    private static Map<String, Object> variables(Object... pairs) {
        Map<String, Object> variables = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            variables.put((String) pairs[i], pairs[i + 1]);
        }
        return variables;
    }

    private static FunctionSpec function(Map<String, Object> environment) {
        return function(environment, null);
    }

    private static FunctionSpec function(Map<String, Object> environment, FunctionSpec.FunctionUrlSpec url) {
        return new FunctionSpec("Fn", "kin-local-Fn", "com.kin.Handler", Path.of("fn.jar"), "java21", 512, 10, environment,
                List.of(), List.of(), url, 0, null, List.of());
    }
}
