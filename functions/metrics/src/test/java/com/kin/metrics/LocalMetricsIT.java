package com.kin.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.kin.local.LogStream;
import com.kin.local.metrics.LocalMetricStore;
import com.kin.local.metrics.LocalMetricsServer;
import com.kin.metrics.report.MetricsReport;
import com.kin.observability.FunctionIdentity;
import com.kin.observability.ObservabilityConfig;
import com.kin.observability.db.PoolUsageRecorder;
import com.kin.observability.db.QueryTimer;
import com.kin.observability.http.RequestIdentity;
import com.kin.observability.http.RequestOutcome;
import com.kin.observability.http.RequestOutcomeRecorder;
import com.kin.observability.metrics.MetricsConfig;
import com.kin.observability.metrics.PowertoolsMetricsRecorder;
import com.kin.testing.LambdaEvents;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.lambda.powertools.metrics.provider.EmfMetricsProvider;

/**
 * The local path end to end: EMF printed by kin-observability's real recorders (as a function JVM prints it) goes
 * through the local runtime's log pump into its metric store, is served by its metrics endpoint, read by the function's
 * local source, and the real handler fed events/metrics/get.json answers the figures of what was recorded.
 */
class LocalMetricsIT {

    private static final String CONTACTS = "kin-local-contacts";
    private static final String USERS = "kin-local-users";

    private LocalMetricsServer server;
    private LocalMetricStore store;
    private MetricsFunction function;

    @BeforeEach
    void start() throws Exception {
        store = new LocalMetricStore(Duration.ofHours(1), Clock.systemUTC(), LocalMetricStore.DEFAULT_MAX_VALUES);
        server = LocalMetricsServer.start(store);
        function = new MetricsFunction(Map.of("METRICS_SOURCE", "local", "METRICS_LOCAL_URL", server.url(),
                "METRICS_RETENTION_TIME", "3600000", "AWS_LAMBDA_FUNCTION_NAME", "kin-local-metrics"));
    }

    @AfterEach
    void stop() {
        function.close();
        server.close();
    }

    @Test
    void report_computesTheFiguresOfTheFunctionsEmfOutput() throws Exception {
        pump(printedBy(CONTACTS, LocalMetricsIT::contactsTraffic));
        pump(printedBy(USERS, LocalMetricsIT::usersTraffic));

        APIGatewayV2HTTPResponse response = function.invoke(LambdaEvents.http("metrics/get.json"));

        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(200);
        MetricsReport report = function.report(response);
        assertThat(report.source()).isEqualTo("local");
        assertThat(report.complete()).isTrue();
        assertThat(report.routes()).extracting(MetricsReport.Route::route)
                .containsExactly("GET:/api/contacts", "GET:/api/contacts/{id}", "GET:/api/users/me");
        MetricsReport.Route list = report.routes().get(0);
        assertThat(list.requests()).isEqualTo(200);
        assertThat(list.latencyMs()).isEqualTo(new MetricsReport.Latency(100.0, 190.0, 198.0));
        assertThat(list.clientErrors()).isEqualTo(15);
        assertThat(list.serverErrors()).isEqualTo(5);
        assertThat(list.serverErrorRate()).isEqualTo(0.025);
        assertThat(report.routes().get(1).latencyMs()).isEqualTo(new MetricsReport.Latency(5.0, 5.0, 5.0));
        assertThat(report.totals()).isEqualTo(new MetricsReport.Totals(260, 0.289, 15, 5, 0.0577, 0.0192, 2));
        assertThat(report.cache()).containsExactly(new MetricsReport.CacheKind("contact", 40, 30, 10, 6, 4, 0.9, 0.75, 0.6));
        MetricsReport.Function contacts = report.functions().stream().filter(f -> f.function().equals(CONTACTS))
                .findFirst().orElseThrow();
        assertThat(contacts.requests()).isEqualTo(250);
        assertThat(contacts.coldStarts()).isEqualTo(1);
        // Both routes together (the [function] rollup): 200 values 1..200 ms and 50 of 5 ms.
        assertThat(contacts.latencyMs()).isEqualTo(new MetricsReport.Latency(75.0, 188.0, 198.0));
        assertThat(contacts.database()).isEqualTo(new MetricsReport.Database(100, 5050.0, 95.0, 99.0, 2.5, 2.5));
        assertThat(contacts.pool()).isEqualTo(new MetricsReport.Pool(2.0, 1.67, 1.0, 1.0));
    }

    @Test
    void windowParameter_limitsTheReport_andTheDefaultIsTheRetention() {
        pump(printedBy(USERS, LocalMetricsIT::usersTraffic));

        MetricsReport hour = function.report(function.invoke(LambdaEvents.http("metrics/get.json",
                json -> json.replace("\"rawQueryString\": \"window=PT15M\"", "\"rawQueryString\": \"\"")
                        .replace("\"window\": \"PT15M\"", "\"other\": \"x\""))));
        MetricsReport minute = function.report(function.invoke(LambdaEvents.http("metrics/get.json",
                json -> json.replace("PT15M", "PT1M"))));

        assertThat(hour.window().duration()).isEqualTo("PT1H");
        assertThat(hour.totals().requests()).isEqualTo(10);
        assertThat(minute.window().duration()).isEqualTo("PT1M");
    }

    @Test
    void unreachableEndpoint_is502ProblemNamingTheVariable() {
        server.close();

        APIGatewayV2HTTPResponse response = function.invoke(LambdaEvents.http("metrics/get.json"));

        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(502);
        assertThat(function.body(response).get("detail").getStringValue()).contains("METRICS_LOCAL_URL");
    }

    /** 250 requests over two routes, a cold start, cache lookups, statements and pool samples. */
    private static void contactsTraffic(PowertoolsMetricsRecorder metrics) {
        RequestOutcomeRecorder requests = new RequestOutcomeRecorder(metrics, (error, id) -> { }, observability());
        requests.recordColdStart();
        for (int ms = 1; ms <= 200; ms++) {
            int status = ms % 40 == 0 ? 500 : ms % 10 == 0 ? 404 : 200;
            requests.record(new RequestOutcome("GET:/api/contacts", status, Duration.ofMillis(ms), null), identity());
            metrics.flush();
        }
        for (int i = 0; i < 50; i++) {
            requests.record(new RequestOutcome("GET:/api/contacts/{id}", 200, Duration.ofMillis(5), null), identity());
            metrics.flush();
        }
        cache(metrics, "l1", "CacheHit", 30);
        cache(metrics, "l1", "CacheMiss", 10);
        cache(metrics, "l2", "CacheHit", 6);
        cache(metrics, "l2", "CacheMiss", 4);
        QueryTimer queries = new QueryTimer(metrics, observability());
        for (int ms = 1; ms <= 100; ms++) {
            queries.record("contacts.list", Duration.ofMillis(ms).toNanos());
        }
        PoolUsageRecorder pool = new PoolUsageRecorder(metrics);
        pool.record(1, 1, 0);
        pool.record(2, 0, 0);
        pool.record(2, 0, 1);
        metrics.millis("DbConnectionWait", 0.5, Map.of());
        metrics.millis("DbConnectionWait", 2.5, Map.of());
    }

    private static void usersTraffic(PowertoolsMetricsRecorder metrics) {
        RequestOutcomeRecorder requests = new RequestOutcomeRecorder(metrics, (error, id) -> { }, observability());
        requests.recordColdStart();
        for (int i = 0; i < 10; i++) {
            requests.record(new RequestOutcome("GET:/api/users/me", 200, Duration.ofMillis(3), null), identity());
            metrics.flush();
        }
    }

    /** What kin-cache's CacheMetrics records for each lookup. */
    private static void cache(PowertoolsMetricsRecorder metrics, String tier, String metric, int times) {
        for (int i = 0; i < times; i++) {
            metrics.count(metric, 1, Map.of("tier", tier, "kind", "contact"));
            metrics.millis("CacheLatency", 0.2, Map.of("tier", tier, "kind", "contact"));
        }
    }

    /** Runs {@code traffic} against a real recorder named {@code function} and returns what it printed on stdout. */
    private static byte[] printedBy(String function, java.util.function.Consumer<PowertoolsMetricsRecorder> traffic) {
        PrintStream original = System.out;
        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        System.setOut(new PrintStream(stdout, true, StandardCharsets.UTF_8));
        try {
            PowertoolsMetricsRecorder metrics = new PowertoolsMetricsRecorder(new EmfMetricsProvider(),
                    new MetricsConfig("KIN"), new FunctionIdentity(function));
            traffic.accept(metrics);
            metrics.flush();
        } finally {
            System.setOut(original);
        }
        return stdout.toByteArray();
    }

    /** The local runtime's own path: a function's stdout through the log pump to the store. */
    private void pump(byte[] stdout) {
        LogStream log = new LogStream(new PrintStream(OutputStream.nullOutputStream(), true, StandardCharsets.UTF_8));
        log.onProcessLine(store::accept);
        try {
            log.pump("Function-1", new ByteArrayInputStream(stdout)).join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        assertThat(store.refusedLines()).isZero();
    }

    private static ObservabilityConfig observability() {
        return new ObservabilityConfig(1000, 200);
    }

    private static RequestIdentity identity() {
        return new RequestIdentity("req-1", "req-1");
    }
}
