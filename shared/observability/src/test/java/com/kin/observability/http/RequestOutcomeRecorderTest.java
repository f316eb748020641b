package com.kin.observability.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.kin.observability.FunctionIdentity;
import com.kin.observability.ObservabilityConfig;
import com.kin.observability.metrics.MetricsConfig;
import com.kin.observability.metrics.PowertoolsMetricsRecorder;
import com.kin.observability.testing.CapturedLogs;
import com.kin.observability.testing.CapturedStdout;
import com.kin.observability.testing.EmfDocument;
import com.kin.observability.testing.RecordingErrorReporter;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.lambda.powertools.metrics.provider.EmfMetricsProvider;

class RequestOutcomeRecorderTest {

    private static final String ROUTE = "GET:/api/contacts/{id}";
    private static final RequestIdentity IDENTITY = new RequestIdentity("req-1", "req-1");

    private final RecordingErrorReporter errors = new RecordingErrorReporter();
    private CapturedStdout stdout;
    private CapturedLogs logs;
    private PowertoolsMetricsRecorder metrics;
    private RequestOutcomeRecorder recorder;

    @BeforeEach
    void setUp() {
        stdout = CapturedStdout.start();
        logs = CapturedLogs.start();
        metrics = new PowertoolsMetricsRecorder(new EmfMetricsProvider(), new MetricsConfig("KIN"),
                new FunctionIdentity("kin-dev-contacts"));
        recorder = new RequestOutcomeRecorder(metrics, errors, new ObservabilityConfig(1000, 200));
    }

    @AfterEach
    void tearDown() {
        logs.close();
        stdout.close();
    }

    @Test
    void record_slowRequest_logsWarnWithTimings() {
        recorder.record(new RequestOutcome(ROUTE, 200, Duration.ofMillis(1500), null), IDENTITY);

        assertThat(logs.withMessage("slow request")).singleElement().satisfies(line -> {
            assertThat(line.path("level").asText()).isEqualTo("WARN");
            assertThat(line.path("duration_ms").asLong()).isEqualTo(1500);
            assertThat(line.path("threshold_ms").asLong()).isEqualTo(1000);
            assertThat(line.path("status").asInt()).isEqualTo(200);
        });
    }

    @Test
    void record_fastRequest_logsOneInfoLine() {
        recorder.record(new RequestOutcome(ROUTE, 200, Duration.ofMillis(20), null), IDENTITY);

        assertThat(logs.lines()).singleElement().satisfies(line -> {
            assertThat(line.path("level").asText()).isEqualTo("INFO");
            assertThat(line.path("message").asText()).startsWith("request completed");
            assertThat(line.path("duration_ms").asLong()).isEqualTo(20);
        });
    }

    @Test
    void record_serverError_logsErrorWithCauseAndReportsIt() {
        IllegalStateException failure = new IllegalStateException("contacts - pool exhausted",
                new java.sql.SQLTransientConnectionException("timeout after 5000ms"));

        recorder.record(new RequestOutcome(ROUTE, 500, Duration.ofMillis(30), failure), IDENTITY);

        JsonNode line = logs.withMessage("request failed").get(0);
        assertThat(line.path("level").asText()).isEqualTo("ERROR");
        assertThat(line.path("error").path("name").asText()).isEqualTo(IllegalStateException.class.getName());
        assertThat(line.path("error").path("stack").asText())
                .contains("SQLTransientConnectionException")
                .contains("timeout after 5000ms");
        assertThat(errors.reports()).singleElement().satisfies(report -> {
            assertThat(report.error()).isSameAs(failure);
            assertThat(report.requestId()).isEqualTo("req-1");
        });
    }

    @Test
    void record_serverError_masksPhoneNumbersQuotedInTheCauseChain() {
        IllegalStateException failure = new IllegalStateException("messages - Twilio refused the send",
                new RuntimeException("The 'To' number +14155550123 is not a valid phone number."));

        recorder.record(new RequestOutcome(ROUTE, 502, Duration.ofMillis(30), failure), IDENTITY);

        assertThat(logs.raw()).doesNotContain("+14155550123").contains("+1415•••0123");
        assertThat(logs.withMessage("request failed").get(0).path("error").path("message").asText())
                .isEqualTo("messages - Twilio refused the send");
    }

    @Test
    void record_serverErrorWithoutException_logsErrorAndReportsNothing() {
        recorder.record(new RequestOutcome(ROUTE, 503, Duration.ofMillis(4), null), IDENTITY);

        assertThat(logs.withMessage("request failed")).singleElement()
                .satisfies(line -> assertThat(line.has("error")).isFalse());
        assertThat(errors.reports()).isEmpty();
    }

    @Test
    void record_clientError_isNotReported() {
        recorder.record(new RequestOutcome(ROUTE, 404, Duration.ofMillis(5), new RuntimeException("not found")),
                IDENTITY);

        assertThat(errors.reports()).isEmpty();
        assertThat(logs.lines()).extracting(line -> line.path("level").asText()).containsExactly("INFO");
    }

    @Test
    void record_emitsLatencyCountAndErrorRatesByRoute() {
        recorder.record(new RequestOutcome(ROUTE, 200, Duration.ofMillis(12), null), IDENTITY);
        recorder.record(new RequestOutcome(ROUTE, 404, Duration.ofMillis(3), null), IDENTITY);
        recorder.record(new RequestOutcome(ROUTE, 503, Duration.ofMillis(7), null), IDENTITY);

        metrics.flush();

        EmfDocument document = stdout.emfDocuments().get(0);
        assertThat(document.dimension("route")).isEqualTo(ROUTE);
        assertThat(document.values("RequestLatency")).containsExactly(12.0, 3.0, 7.0);
        assertThat(document.values("RequestCount")).containsExactly(1.0, 1.0, 1.0);
        assertThat(document.values("Request4xx")).containsExactly(0.0, 1.0, 0.0);
        assertThat(document.values("Request5xx")).containsExactly(0.0, 0.0, 1.0);
    }

    @Test
    void recordColdStart_countsOnceUnderTheFunctionAlone() {
        recorder.recordColdStart();

        metrics.flush();

        EmfDocument document = stdout.emfDocuments().get(0);
        assertThat(document.values("ColdStart")).containsExactly(1.0);
        assertThat(document.dimensionSets()).containsExactly(java.util.List.of("function"));
    }
}
