package com.kin.observability.invocation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.kin.observability.ObservabilityConfig;
import com.kin.observability.FunctionIdentity;
import com.kin.observability.http.ColdStart;
import com.kin.observability.http.RequestOutcomeRecorder;
import com.kin.observability.it.TestLambdaContext;
import com.kin.observability.logging.PowertoolsDiagnosticInfoPopulator;
import com.kin.observability.metrics.MetricsConfig;
import com.kin.observability.metrics.PowertoolsMetricsRecorder;
import com.kin.observability.testing.CapturedLogs;
import com.kin.observability.testing.CapturedStdout;
import com.kin.observability.testing.RecordingErrorReporter;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import software.amazon.lambda.powertools.metrics.provider.EmfMetricsProvider;

/** A non-HTTP invocation gets the fields, cold start, error reports and metrics flush the HTTP filter gives a request. */
class InvocationObservabilityTest {

    private static final Logger LOG = LoggerFactory.getLogger(InvocationObservabilityTest.class);

    private final RecordingErrorReporter errors = new RecordingErrorReporter();
    private final PowertoolsMetricsRecorder metrics = new PowertoolsMetricsRecorder(new EmfMetricsProvider(),
            new MetricsConfig("KIN"), new FunctionIdentity("kin-dev-worker"));
    private final InvocationObservability observability = new InvocationObservability(
            new PowertoolsDiagnosticInfoPopulator(), new ColdStart(),
            new RequestOutcomeRecorder(metrics, errors, new ObservabilityConfig(1000, 200)), metrics, errors);

    @Test
    void twoInvocations_carryTheirIds_correlation_andColdStartOnTheFirstOnly() {
        try (CapturedLogs logs = CapturedLogs.start(); CapturedStdout stdout = CapturedStdout.start()) {
            invoke("invocation-1", "SQS-MESSAGE-1");
            invoke("invocation-2", null);

            List<JsonNode> lines = logs.withMessage("working");
            assertThat(lines).hasSize(2);
            assertThat(lines.get(0).path("function_name").asText()).isEqualTo("kin-dev-worker");
            assertThat(lines.get(0).path("function_request_id").asText()).isEqualTo("invocation-1");
            assertThat(lines.get(0).path("request_id").asText()).isEqualTo("invocation-1");
            assertThat(lines.get(0).path("correlation_id").asText()).isEqualTo("SQS-MESSAGE-1");
            assertThat(lines.get(0).path("cold_start").asText()).isEqualTo("true");
            assertThat(lines.get(1).path("correlation_id").asText()).isEqualTo("invocation-2");
            assertThat(lines.get(1).path("cold_start").asText()).isEqualTo("false");
            assertThat(logs.withMessage("after the record").get(0).path("correlation_id").asText())
                    .isEqualTo("invocation-1");
            int coldStarts = stdout.emfDocuments().stream().mapToInt(document -> document.values("ColdStart").size())
                    .sum();
            assertThat(coldStarts).as("written by end(), once per instance").isEqualTo(1);
        }
        assertThat(MDC.get("request_id")).as("cleared by end()").isNull();
    }

    @Test
    void report_tagsTheErrorWithTheInvocationsRequestId() {
        IllegalStateException failure = new IllegalStateException("worker - store unreachable");
        observability.begin(new TestLambdaContext("invocation-3", "kin-dev-worker"));
        try {
            observability.report(failure);
        } finally {
            observability.end();
        }

        assertThat(errors.reports()).containsExactly(new RecordingErrorReporter.Report(failure, "invocation-3"));
    }

    private void invoke(String lambdaRequestId, String correlationId) {
        observability.begin(new TestLambdaContext(lambdaRequestId, "kin-dev-worker"));
        try {
            if (correlationId != null) {
                observability.correlate(correlationId);
            }
            LOG.info("working");
            observability.uncorrelate();
            LOG.info("after the record");
        } finally {
            observability.end();
        }
    }
}
