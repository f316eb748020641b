package com.kin.health;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.kin.health.Dependencies.json;
import static com.kin.health.Reports.assertNoSecret;
import static com.kin.health.Reports.names;
import static com.kin.health.Reports.part;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.kin.testing.LambdaEvents;
import io.micronaut.json.tree.JsonNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code GET /api/health} through the real handler, fed events/health/health.json (an admin), against real Postgres,
 * DynamoDB Local, ElasticMQ, and WireMock answering as Twilio and Quickbase.
 */
class HealthReportIT {

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
    void answerNormally() {
        dependencies.answerNormally();
    }

    @AfterEach
    void closeFunction() {
        if (function != null) {
            function.close();
        }
    }

    @Test
    void report_everyPartUp_isOkWithEveryPartsLatencyAndMessage() {
        APIGatewayV2HTTPResponse response = report(environment());

        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(200);
        assertThat(response.getHeaders()).containsEntry("Cache-Control", "no-store");
        JsonNode body = function.body(response);
        assertThat(body.get("status").getStringValue()).as(response.getBody()).isEqualTo("ok");
        assertThat(body.get("checkedAt").getStringValue()).isNotBlank();
        assertThat(names(body)).containsExactly("database", "cacheTable", "memoryCache", "sqs", "twilio", "quickbase");
        for (JsonNode part : body.get("parts").values()) {
            assertThat(part.get("status").getStringValue()).as(response.getBody()).isEqualTo("ok");
            assertThat(part.get("latencyMs").getLongValue()).isGreaterThanOrEqualTo(0);
            assertThat(part.get("message").getStringValue()).isNotBlank();
        }
        assertThat(part(body, "cacheTable").get("details").get("ttlAttribute").getStringValue()).isEqualTo("expires_at");
        assertThat(part(body, "memoryCache").get("details").get("l2Enabled").getBooleanValue()).isTrue();
        assertThat(part(body, "sqs").get("details").get("messages").getStringValue()).isEqualTo("0");
        assertThat(part(body, "twilio").get("details").get("accountStatus").getStringValue()).isEqualTo("active");
        dependencies.quickBase.verify(1, getRequestedFor(urlPathEqualTo(Dependencies.APP_PATH))
                .withHeader("QB-Realm-Hostname", equalTo(Dependencies.QUICKBASE_REALM))
                .withHeader("Authorization", equalTo("QB-USER-TOKEN " + Dependencies.QUICKBASE_TOKEN)));
        assertNoSecret(response);
    }

    @Test
    void report_cacheTableWithoutTtl_isDegradedNamingTheAttribute() {
        Map<String, Object> environment = environment();
        environment.put("CACHE_TABLE", dependencies.cacheTable(false));

        APIGatewayV2HTTPResponse response = report(environment);

        assertThat(response.getStatusCode()).isEqualTo(200);
        JsonNode body = function.body(response);
        assertThat(body.get("status").getStringValue()).isEqualTo("degraded");
        JsonNode table = part(body, "cacheTable");
        assertThat(table.get("status").getStringValue()).isEqualTo("degraded");
        assertThat(table.get("message").getStringValue()).contains("TTL").contains("DISABLED").contains("expires_at");
        assertThat(part(body, "database").get("status").getStringValue()).isEqualTo("ok");
    }

    @Test
    void report_twilioRejectsTheCredentials_isDegraded_andTheAnswerIsReusedWithinTheInterval() {
        dependencies.twilio.resetAll();
        dependencies.twilio.stubFor(Dependencies.accountFetch().willReturn(json(401, "twilio/error-20003-authenticate.json")));
        APIGatewayV2HTTPResponse first = report(environment());
        APIGatewayV2HTTPResponse second = function.invoke(LambdaEvents.http("health/health.json"));

        for (APIGatewayV2HTTPResponse response : List.of(first, second)) {
            assertThat(response.getStatusCode()).isEqualTo(200);
            JsonNode body = function.body(response);
            assertThat(body.get("status").getStringValue()).isEqualTo("degraded");
            JsonNode twilio = part(body, "twilio");
            assertThat(twilio.get("status").getStringValue()).isEqualTo("down");
            assertThat(twilio.get("message").getStringValue()).contains("Authenticate");
            assertThat(twilio.get("details").get("twilioError").getIntValue()).isEqualTo(20003);
            assertNoSecret(response);
        }
        assertThat(part(function.body(first), "twilio").get("details").get("cached").getBooleanValue()).isFalse();
        assertThat(part(function.body(second), "twilio").get("details").get("cached").getBooleanValue()).isTrue();
        dependencies.twilio.verify(1, getRequestedFor(urlPathEqualTo(Dependencies.ACCOUNT_PATH)));
    }

    @Test
    void report_withHealthCheckIntervalZero_asksTwilioAndQuickbaseEveryTime() {
        Map<String, Object> environment = environment();
        environment.put("HEALTH_CHECK_INTERVAL", "0");
        report(environment);

        JsonNode second = function.body(function.invoke(LambdaEvents.http("health/health.json")));

        assertThat(part(second, "twilio").get("details").get("cached").getBooleanValue()).isFalse();
        dependencies.twilio.verify(2, getRequestedFor(urlPathEqualTo(Dependencies.ACCOUNT_PATH)));
        dependencies.quickBase.verify(2, getRequestedFor(urlPathEqualTo(Dependencies.APP_PATH)));
    }

    @Test
    void report_databaseUnreachable_isDown503_andStillShowsTheOtherParts() {
        Map<String, Object> environment = environment();
        environment.put("DB_URL", Dependencies.unreachableDatabaseUrl());
        environment.put("DB_CONNECT_TIMEOUT_MS", "1000");

        APIGatewayV2HTTPResponse response = report(environment);

        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(503);
        JsonNode body = function.body(response);
        assertThat(body.get("status").getStringValue()).isEqualTo("down");
        assertThat(part(body, "database").get("status").getStringValue()).isEqualTo("down");
        assertThat(part(body, "database").get("message").getStringValue()).isNotBlank();
        assertThat(part(body, "twilio").get("status").getStringValue()).isEqualTo("ok");
        assertThat(part(body, "sqs").get("status").getStringValue()).isEqualTo("ok");
        assertNoSecret(response);
    }

    @Test
    void report_quickBaseNotConfigured_isNotAFault() {
        Map<String, Object> environment = environment();
        environment.remove("QUICKBASE_REALM");
        environment.remove("QUICKBASE_USER_TOKEN");
        environment.remove("QUICKBASE_APP_ID");

        APIGatewayV2HTTPResponse response = report(environment);
        JsonNode body = function.body(response);

        assertThat(body.get("status").getStringValue()).as(response.getBody()).isEqualTo("ok");
        assertThat(part(body, "quickbase").get("status").getStringValue()).isEqualTo("not_configured");
        assertThat(dependencies.quickBase.getAllServeEvents()).isEmpty();
    }

    @Test
    void report_quickBasePartlyConfigured_isDegradedNamingEachKey_withoutShowingTheToken() {
        Map<String, Object> environment = environment();
        environment.remove("QUICKBASE_APP_ID");
        environment.put("QUICKBASE_REALM", "https://example.quickbase.com");
        environment.put("QUICKBASE_USER_TOKEN", "not-a-token-" + Dependencies.QUICKBASE_TOKEN);

        APIGatewayV2HTTPResponse response = report(environment);

        JsonNode body = function.body(response);
        assertThat(body.get("status").getStringValue()).isEqualTo("degraded");
        JsonNode quickBase = part(body, "quickbase");
        assertThat(quickBase.get("status").getStringValue()).isEqualTo("degraded");
        assertThat(quickBase.get("message").getStringValue())
                .contains("QUICKBASE_APP_ID is not set").contains("QUICKBASE_REALM").contains("QUICKBASE_USER_TOKEN");
        assertThat(response.getBody()).doesNotContain("not-a-token-");
        assertNoSecret(response);
        assertThat(dependencies.quickBase.getAllServeEvents()).isEmpty();
    }

    @Test
    void report_quickBaseRefusesTheToken_isDegraded_andTheAnswerIsReused() {
        dependencies.quickBase.resetAll();
        dependencies.quickBase.stubFor(Dependencies.appFetch().willReturn(json(401, "quickbase/error-401.json")));
        report(environment());

        JsonNode body = function.body(function.invoke(LambdaEvents.http("health/health.json")));

        assertThat(body.get("status").getStringValue()).isEqualTo("degraded");
        JsonNode quickBase = part(body, "quickbase");
        assertThat(quickBase.get("status").getStringValue()).isEqualTo("down");
        assertThat(quickBase.get("message").getStringValue()).contains("401").contains("Unauthorized");
        assertThat(quickBase.get("details").get("cached").getBooleanValue()).isTrue();
        dependencies.quickBase.verify(1, getRequestedFor(urlPathEqualTo(Dependencies.APP_PATH)));
    }

    @Test
    void report_queueMissing_isDegraded_andAnUnsetQueueIsNotConfigured() {
        Map<String, Object> missing = environment();
        missing.put("BULK_SMS_QUEUE_URL", dependencies.sqs.endpoint() + "/000000000000/no-such-queue");
        APIGatewayV2HTTPResponse withMissingQueue = report(missing);
        JsonNode body = function.body(withMissingQueue);
        function.close();
        Map<String, Object> unset = environment();
        unset.remove("BULK_SMS_QUEUE_URL");
        APIGatewayV2HTTPResponse withoutQueue = report(unset);
        JsonNode unsetBody = function.body(withoutQueue);

        assertThat(body.get("status").getStringValue()).isEqualTo("degraded");
        assertThat(part(body, "sqs").get("status").getStringValue()).isEqualTo("down");
        assertThat(part(body, "sqs").get("message").getStringValue()).contains("no-such-queue");
        assertThat(unsetBody.get("status").getStringValue()).as(withoutQueue.getBody()).isEqualTo("ok");
        assertThat(part(unsetBody, "sqs").get("status").getStringValue()).isEqualTo("not_configured");
    }

    @Test
    void report_partSlowerThanTheCheckTimeout_isDownWithoutHoldingTheReport() {
        dependencies.quickBase.resetAll();
        dependencies.quickBase.stubFor(Dependencies.appFetch()
                .willReturn(json(200, "quickbase/app.json").withFixedDelay(4_000)));
        Map<String, Object> environment = environment();
        environment.put("HEALTH_CHECK_TIMEOUT_MS", "300");

        APIGatewayV2HTTPResponse response = report(environment);

        JsonNode quickBase = part(function.body(response), "quickbase");
        assertThat(quickBase.get("status").getStringValue()).isEqualTo("down");
        assertThat(quickBase.get("message").getStringValue()).contains("no answer within 300 ms");
    }

    private Map<String, Object> environment() {
        return dependencies.environment(dependencies.cacheTable(true), dependencies.queue());
    }

    private APIGatewayV2HTTPResponse report(Map<String, Object> environment) {
        function = new HealthFunction(environment);
        return function.invoke(LambdaEvents.http("health/health.json"));
    }
}
