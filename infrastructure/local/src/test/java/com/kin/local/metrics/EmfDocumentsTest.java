package com.kin.local.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EmfDocumentsTest {

    /** Printed by kin-observability's PowertoolsMetricsRecorder in a function JVM (AWS_LAMBDA_FUNCTION_NAME set). */
    static final String REQUEST_DOCUMENT = "{\"_aws\":{\"Timestamp\":1796340398626,\"CloudWatchMetrics\":[{\"Namespace\":\"KIN\","
            + "\"Dimensions\":[[\"function\"],[\"function\",\"route\"]],\"Metrics\":[{\"Name\":\"RequestLatency\",\"Unit\":"
            + "\"Milliseconds\"},{\"Name\":\"RequestCount\",\"Unit\":\"Count\"}]}]},\"RequestLatency\":[12.5,7.5],\"route\":"
            + "\"GET:/api/contacts\",\"RequestCount\":1.0,\"function\":\"kin-local-contacts\"}";

    @Test
    void requestDocument_givesEachMetricUnderEachDimensionSet() {
        List<Datapoint> datapoints = EmfDocuments.parse(REQUEST_DOCUMENT);

        assertThat(datapoints).extracting(d -> d.series().metric(), d -> d.series().dimensions(), d -> d.values().length)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("RequestLatency", Map.of("function", "kin-local-contacts"), 2),
                        org.assertj.core.groups.Tuple.tuple("RequestCount", Map.of("function", "kin-local-contacts"), 1),
                        org.assertj.core.groups.Tuple.tuple("RequestLatency",
                                Map.of("function", "kin-local-contacts", "route", "GET:/api/contacts"), 2),
                        org.assertj.core.groups.Tuple.tuple("RequestCount",
                                Map.of("function", "kin-local-contacts", "route", "GET:/api/contacts"), 1));
        assertThat(datapoints).allSatisfy(d -> {
            assertThat(d.timestampMillis()).isEqualTo(1796340398626L);
            assertThat(d.series().namespace()).isEqualTo("KIN");
        });
        assertThat(datapoints.get(0).values()).containsExactly(12.5, 7.5);
    }

    @Test
    void logLinesAndOtherJson_areNotEmf() {
        assertThat(EmfDocuments.parse("{\"level\":\"INFO\",\"message\":\"request completed\"}")).isEmpty();
        assertThat(EmfDocuments.parse("START RequestId: 1 Version: $LATEST")).isEmpty();
        assertThat(EmfDocuments.parse("")).isEmpty();
    }

    @Test
    void documentWithoutTimestampOrDimensionValue_isRefused() {
        assertThatThrownBy(() -> EmfDocuments.parse("{\"_aws\":{\"CloudWatchMetrics\":[]}}"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Timestamp");
        assertThatThrownBy(() -> EmfDocuments.parse(REQUEST_DOCUMENT.replace(",\"function\":\"kin-local-contacts\"", "")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("function");
        assertThatThrownBy(() -> EmfDocuments.parse("{\"_aws\": truncated"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void metricWithoutValues_isSkipped() {
        String document = REQUEST_DOCUMENT.replace("\"RequestCount\":1.0,", "");

        assertThat(EmfDocuments.parse(document)).extracting(d -> d.series().metric()).containsOnly("RequestLatency");
    }
}
