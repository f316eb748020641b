package com.kin.local.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.kin.local.template.FunctionSpec.HttpRouteSpec;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Reads the fixture template (src/test/resources/local-it) the way the runtime does. */
class LocalStackTest {

    private final LocalStack stack = LocalStack.of(Template.read(fixtureTemplate()), Map.of("ResultDir", "/tmp/results"));

    @Test
    void functions_mergeGlobalsAndKeepTheirOwnValues() {
        FunctionSpec slow = function("SlowFunction");
        FunctionSpec echo = function("EchoFunction");

        assertThat(slow.timeoutSeconds()).isEqualTo(2);
        assertThat(echo.timeoutSeconds()).isEqualTo(10);
        assertThat(echo.memoryMb()).isEqualTo(256);
        assertThat(echo.handler()).isEqualTo("com.kin.local.fixture.EchoHandler");
        assertThat(echo.codeUri()).isEqualTo(fixtureTemplate().getParent().resolve("fixture-function.jar"));
        assertThat(function("WorkerFunction").environment()).containsKeys("DB_URL", "CACHE_TABLE", "RESULT_DIR");
    }

    @Test
    void routes_carryTheirAuthorizer() {
        List<HttpRouteSpec> routes = function("EchoFunction").routes();

        assertThat(routes).extracting(HttpRouteSpec::routeKey)
                .containsExactly("GET /echo", "POST /echo", "GET /items/{id}", "ANY /open/{proxy+}");
        assertThat(routes.get(0).authorizer()).isEqualTo("JwtAuthorizer");
        assertThat(routes.get(3).authorizer()).isNull();
    }

    @Test
    void sqsSourceAndFunctionUrl_areRead() {
        FunctionSpec worker = function("WorkerFunction");

        assertThat(worker.sqsSources()).singleElement().satisfies(source -> {
            assertThat(source.queueId()).isEqualTo("WorkQueue");
            assertThat(source.batchSize()).isEqualTo(5);
            assertThat(source.reportBatchItemFailures()).isTrue();
        });
        assertThat(function("EchoFunction").functionUrl().authType()).isEqualTo("NONE");
        assertThat(worker.functionUrl()).isNull();
    }

    @Test
    void resources_getLocalNamesArnsAndUrls() {
        LocalStack local = stack.withEndpoints("http://127.0.0.1:9324", "http://127.0.0.1:3000");

        assertThat(local.resolver().resolve(Map.of("Ref", "CacheTable"))).isEqualTo("kin-it-cache");
        assertThat(local.resolver().resolve(Map.of("Ref", "WorkQueue"))).isEqualTo("http://127.0.0.1:9324/000000000000/kin-it-work");
        assertThat(local.queues()).filteredOn(q -> q.logicalId().equals("WorkQueue")).singleElement()
                .satisfies(queue -> assertThat(queue.properties().get("RedrivePolicy")).isEqualTo(Map.of(
                        "deadLetterTargetArn", "arn:aws:sqs:us-east-1:000000000000:kin-it-work-dlq", "maxReceiveCount", 2)));
    }

    @Test
    void generatedFunctionUrlResource_resolvesToTheGatewaysFunctionUrl() {
        LocalStack local = stack.withEndpoints("http://127.0.0.1:9324", "http://127.0.0.1:3000");

        assertThat(local.resolver().resolve(Map.of("Fn::GetAtt", List.of("EchoFunctionUrl", "FunctionUrl"))))
                .isEqualTo("http://127.0.0.1:3000/fn/EchoFunction/");
        assertThatThrownBy(() -> local.resolver().resolve(Map.of("Fn::GetAtt", List.of("SlowFunctionUrl", "FunctionUrl"))))
                .isInstanceOf(TemplateException.class).hasMessageContaining("SlowFunctionUrl");
    }

    @Test
    void httpApi_hasCorsAndTheJwtAuthorizer() {
        HttpApiSpec api = stack.httpApi("HttpApi");

        assertThat(api.cors().allowOrigins()).containsExactly("http://localhost:5173");
        assertThat(api.authorizers().get("JwtAuthorizer").audience()).containsExactly("kin-it");
    }

    @Test
    void parameterWithoutDefault_mustBePassed() {
        assertThatThrownBy(() -> LocalStack.of(Template.read(fixtureTemplate()), Map.of()))
                .isInstanceOf(TemplateException.class).hasMessageContaining("--parameter ResultDir=VALUE");
    }

    @Test
    void projectTemplate_isReadable() {
        LocalStack project = LocalStack.of(Template.read(Path.of("../../template.yaml")), Map.of());

        assertThat(project.functions()).isNotEmpty().allSatisfy(function -> {
            assertThat(function.handler()).startsWith("com.kin.");
            assertThat(function.codeUri().toString()).endsWith("target/function.jar");
        });
        assertThat(project.functions()).extracting(FunctionSpec::logicalId).contains("ContactsFunction");
    }

    @Test
    void projectTemplate_everyEnvironmentVariableResolves() {
        LocalStack project = LocalStack.of(Template.read(Path.of("../../template.yaml")), Map.of())
                .withEndpoints("http://127.0.0.1:9324", "http://127.0.0.1:3000");

        for (FunctionSpec function : project.functions()) {
            function.environment().forEach((name, value) -> assertThat(project.resolver()
                    .resolveString(value, function.logicalId() + "." + name)).as(function.logicalId() + "." + name)
                    .isNotNull());
        }
        FunctionSpec contacts = project.functions().stream()
                .filter(function -> function.logicalId().equals("ContactsFunction")).findFirst().orElseThrow();
        assertThat(project.resolver().resolveString(contacts.environment().get("DB_URL"), "DB_URL"))
                .matches("jdbc:aws-wrapper:postgresql://[^/:]+:5432/kin");
        // The JWT authorizer names the stack's own Cognito pool and app client.
        HttpApiSpec.JwtAuthorizer jwt = project.httpApi("HttpApi").authorizers().get("JwtAuthorizer");
        assertThat(jwt.issuer()).isEqualTo("https://cognito-idp.us-east-1.amazonaws.com/UserPool");
        assertThat(jwt.audience()).containsExactly("UserPoolClient");
    }

    private FunctionSpec function(String logicalId) {
        return stack.functions().stream().filter(f -> f.logicalId().equals(logicalId)).findFirst().orElseThrow();
    }

    private static Path fixtureTemplate() {
        try {
            return Path.of(LocalStackTest.class.getResource("/local-it/template.yaml").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
