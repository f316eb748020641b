package com.kin.metrics;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.kin.metrics.report.MetricsReport;
import com.kin.testing.LambdaEvents;
import io.micronaut.json.tree.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The real handler fed events/metrics/get.json, reading CloudWatch through the real SDK client (AWS Query protocol,
 * SigV4) from {@link FakeCloudWatch} behind WireMock.
 */
class CloudWatchReportIT {

    private static final String CONTACTS = "kin-dev-contacts";
    private static final Map<String, String> FUNCTION = Map.of("function", CONTACTS);
    private static final Map<String, String> LIST = Map.of("function", CONTACTS, "route", "GET:/api/contacts");
    private static final Map<String, String> ONE = Map.of("function", CONTACTS, "route", "GET:/api/contacts/{id}");

    private final FakeCloudWatch cloudWatch = new FakeCloudWatch();
    private WireMockServer server;
    private MetricsFunction function;

    @BeforeEach
    void start() {
        server = new WireMockServer(options().dynamicPort().extensions(cloudWatch));
        server.start();
        server.stubFor(any(anyUrl()).willReturn(aResponse().withTransformers(FakeCloudWatch.NAME)));
        Map<String, Object> environment = new HashMap<>(Map.of(
                "METRICS_SOURCE", "cloudwatch",
                "METRICS_CLOUDWATCH_ENDPOINT", server.baseUrl(),
                "METRICS_RETENTION_TIME", "3600000",
                "POWERTOOLS_METRICS_NAMESPACE", "KIN",
                "AWS_LAMBDA_FUNCTION_NAME", "kin-dev-metrics"));
        function = new MetricsFunction(environment);
    }

    @AfterEach
    void stop() {
        function.close();
        server.stop();
    }

    @Test
    void report_readsEveryFigureFromCloudWatch() {
        cloudWatch.series("RequestCount", FUNCTION)
                .figure("RequestCount", LIST, "Sum", 1000).figure("Request4xx", LIST, "Sum", 50)
                .figure("Request5xx", LIST, "Sum", 5).figure("RequestLatency", LIST, "p50", 20.5)
                .figure("RequestLatency", LIST, "p95", 90).figure("RequestLatency", LIST, "p99", 180.25)
                .figure("RequestCount", ONE, "Sum", 500)
                .figure("CacheHit", Map.of("function", CONTACTS, "kind", "contact", "tier", "l1"), "Sum", 300)
                .figure("CacheMiss", Map.of("function", CONTACTS, "kind", "contact", "tier", "l1"), "Sum", 100)
                .figure("CacheHit", Map.of("function", CONTACTS, "kind", "contact", "tier", "l2"), "Sum", 80)
                .figure("CacheMiss", Map.of("function", CONTACTS, "kind", "contact", "tier", "l2"), "Sum", 20)
                .figure("RequestCount", FUNCTION, "Sum", 1500).figure("ColdStart", FUNCTION, "Sum", 3)
                .figure("DbQueryTime", FUNCTION, "SampleCount", 1200).figure("DbQueryTime", FUNCTION, "Sum", 4800)
                .figure("DbQueryTime", FUNCTION, "p99", 21).figure("DbPoolActive", FUNCTION, "Maximum", 2)
                .figure("DbPoolPending", FUNCTION, "Maximum", 1);

        APIGatewayV2HTTPResponse response = function.invoke(LambdaEvents.http("metrics/get.json"));

        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(200);
        assertThat(response.getHeaders()).containsEntry("Cache-Control", "no-store");
        MetricsReport report = function.report(response);
        assertThat(report.source()).isEqualTo("cloudwatch");
        assertThat(report.complete()).isTrue();
        assertThat(report.window().duration()).isEqualTo("PT15M");
        assertThat(report.routes()).extracting(MetricsReport.Route::route, MetricsReport.Route::requests)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("GET:/api/contacts", 1000L),
                        org.assertj.core.groups.Tuple.tuple("GET:/api/contacts/{id}", 500L));
        MetricsReport.Route list = report.routes().get(0);
        assertThat(list.latencyMs()).isEqualTo(new MetricsReport.Latency(20.5, 90.0, 180.25));
        assertThat(list.clientErrorRate()).isEqualTo(0.05);
        assertThat(list.serverErrorRate()).isEqualTo(0.005);
        assertThat(list.requestsPerSecond()).isEqualTo(1.111);
        assertThat(report.cache()).containsExactly(
                new MetricsReport.CacheKind("contact", 400, 300, 100, 80, 20, 0.95, 0.75, 0.8));
        MetricsReport.Function contacts = report.functions().get(0);
        assertThat(contacts.coldStarts()).isEqualTo(3);
        assertThat(contacts.database().queries()).isEqualTo(1200);
        assertThat(contacts.database().totalMs()).isEqualTo(4800.0);
        assertThat(contacts.database().p99Ms()).isEqualTo(21.0);
        assertThat(contacts.pool().activeMax()).isEqualTo(2.0);
        assertThat(contacts.pool().pendingMax()).isEqualTo(1.0);
        assertThat(report.totals().requests()).isEqualTo(1500);
    }

    @Test
    void requests_areSignedQueryProtocolCalls_overOneAlignedPeriod() {
        cloudWatch.figure("RequestCount", LIST, "Sum", 1);

        MetricsReport report = function.report(function.invoke(LambdaEvents.http("metrics/get.json")));

        List<FakeCloudWatch.Received> lists = cloudWatch.received("ListMetrics");
        assertThat(lists).extracting(r -> r.form().get("MetricName"))
                .containsExactlyInAnyOrder("RequestCount", "CacheHit", "CacheMiss", "DbQueryTime");
        assertThat(lists).allSatisfy(r -> {
            assertThat(r.form()).containsEntry("Namespace", "KIN").containsEntry("RecentlyActive", "PT3H");
            assertThat(r.authorization()).startsWith("AWS4-HMAC-SHA256 Credential=local/")
                    .contains("/us-east-1/monitoring/aws4_request");
        });
        FakeCloudWatch.Received data = cloudWatch.received("GetMetricData").get(0);
        Instant start = Instant.parse(data.form().get("StartTime"));
        Instant end = Instant.parse(data.form().get("EndTime"));
        assertThat(Duration.between(start, end)).isEqualTo(Duration.ofMinutes(15));
        assertThat(end.getEpochSecond() % 60).isZero();
        assertThat(data.form()).containsEntry("MetricDataQueries.member.1.MetricStat.Period", "900")
                .containsEntry("MetricDataQueries.member.1.MetricStat.Metric.Namespace", "KIN")
                .containsEntry("MetricDataQueries.member.1.MetricStat.Stat", "p50");
        assertThat(report.window().start()).isEqualTo(start.toString());
    }

    @Test
    void manyRoutes_areAskedInBatchesOf500_andEveryPageIsRead() {
        IntStream.range(0, 100).forEach(i -> cloudWatch.figure("RequestCount",
                Map.of("function", CONTACTS, "route", "GET:/api/r" + i), "Sum", i + 1));
        cloudWatch.listPageSize = 30;
        cloudWatch.dataPageSize = 70;

        MetricsReport report = function.report(function.invoke(LambdaEvents.http("metrics/get.json")));

        assertThat(report.routes()).hasSize(100);
        assertThat(report.totals().requests()).isEqualTo(100 * 101 / 2);
        List<FakeCloudWatch.Received> data = cloudWatch.received("GetMetricData");
        assertThat(data).extracting(r -> r.form().containsKey("MetricDataQueries.member.501.Id")).containsOnly(false);
        // 615 queries (6 per route, 15 for the function): a batch of 500 read in 8 pages of 70, then 115 in 2 pages.
        assertThat(data.stream().filter(r -> !r.form().containsKey("NextToken")).count()).isEqualTo(2);
        assertThat(data).hasSize(10);
        assertThat(cloudWatch.received("ListMetrics").stream().filter(r -> r.form().containsKey("NextToken")))
                .isNotEmpty();
        assertThat(report.complete()).isTrue();
    }

    @Test
    void resultWithAnErrorStatus_marksTheReportIncomplete() {
        cloudWatch.figure("RequestCount", LIST, "Sum", 10).figure("RequestLatency", LIST, "p50", 5).failing("RequestLatency");

        MetricsReport report = function.report(function.invoke(LambdaEvents.http("metrics/get.json")));

        assertThat(report.complete()).isFalse();
        assertThat(report.routes().get(0).requests()).isEqualTo(10);
        assertThat(report.routes().get(0).latencyMs().p50()).isNull();
    }

    @Test
    void accessDenied_is502ProblemNamingCloudWatch() {
        cloudWatch.denyAccess = true;

        APIGatewayV2HTTPResponse response = function.invoke(LambdaEvents.http("metrics/get.json"));

        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(502);
        assertThat(response.getHeaders().get("Content-Type")).startsWith("application/problem+json");
        JsonNode problem = function.body(response);
        assertThat(problem.get("detail").getStringValue()).contains("CloudWatch ListMetrics RequestCount failed (403 AccessDenied")
                .contains("cloudwatch:ListMetrics");
        assertThat(problem.get("service").getStringValue()).isEqualTo("cloudwatch");
    }
}
