package com.kin.observability.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.kin.observability.FunctionIdentity;
import com.kin.observability.testing.CapturedStdout;
import com.kin.observability.testing.EmfDocument;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.lambda.powertools.metrics.provider.EmfMetricsProvider;

class PowertoolsMetricsRecorderTest {

    private CapturedStdout stdout;
    private PowertoolsMetricsRecorder recorder;

    @BeforeEach
    void captureStdout() {
        stdout = CapturedStdout.start();
        recorder = new PowertoolsMetricsRecorder(new EmfMetricsProvider(), new MetricsConfig("KIN"),
                new FunctionIdentity("kin-dev-contacts"));
    }

    @AfterEach
    void restoreStdout() {
        stdout.close();
    }

    @Test
    void flush_writesOneEmfDocumentWithFunctionAndCallerRollups() {
        recorder.millis("RequestLatency", 12.5, Map.of("route", "GET:/api/contacts/{id}"));
        recorder.count("RequestCount", 1, Map.of("route", "GET:/api/contacts/{id}"));

        recorder.flush();

        assertThat(stdout.emfDocuments()).singleElement().satisfies(document -> {
            assertThat(document.namespace()).isEqualTo("KIN");
            assertThat(document.dimensionSets())
                    .containsExactly(List.of("function"), List.of("function", "route"));
            assertThat(document.dimension("function")).isEqualTo("kin-dev-contacts");
            assertThat(document.dimension("route")).isEqualTo("GET:/api/contacts/{id}");
            assertThat(document.values("RequestLatency")).containsExactly(12.5);
            assertThat(document.definition("RequestLatency").path("Unit").asText()).isEqualTo("Milliseconds");
            assertThat(document.definition("RequestCount").path("Unit").asText()).isEqualTo("Count");
        });
    }

    @Test
    void flush_letsAggregatingPublishersAddTheirTotalsFirst() {
        recorder.beforeFlush(() -> recorder.count("CacheHit", 40, Map.of("tier", "l1", "kind", "contact")));

        recorder.flush();

        assertThat(stdout.emfDocuments()).singleElement()
                .satisfies(document -> assertThat(document.values("CacheHit")).containsExactly(40.0));
    }

    @Test
    void flush_keepsStandardResolution() {
        recorder.count("CacheHit", 1, Map.of("tier", "L1", "kind", "contact"));

        recorder.flush();

        EmfDocument document = stdout.emfDocuments().get(0);
        // High resolution would add "StorageResolution": 1 to the definition.
        assertThat(document.definition("CacheHit").has("StorageResolution")).isFalse();
    }

    @Test
    void flush_writesOneDocumentPerDistinctDimensionValues() {
        recorder.count("RequestCount", 1, Map.of("route", "GET:/api/contacts"));
        recorder.count("RequestCount", 1, Map.of("route", "GET:/api/contacts/{id}"));
        recorder.count("RequestCount", 1, Map.of("route", "GET:/api/contacts"));

        recorder.flush();

        assertThat(stdout.emfDocuments())
                .extracting(document -> document.dimension("route"), document -> document.values("RequestCount"))
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("GET:/api/contacts", List.of(1.0, 1.0)),
                        org.assertj.core.groups.Tuple.tuple("GET:/api/contacts/{id}", List.of(1.0)));
    }

    @Test
    void flush_withoutCallerDimensions_declaresTheFunctionRollupOnly() {
        recorder.count("ColdStart", 1, Map.of());

        recorder.flush();

        assertThat(stdout.emfDocuments().get(0).dimensionSets()).containsExactly(List.of("function"));
    }

    @Test
    void flush_ordersCallerDimensionsByName() {
        recorder.count("CacheMiss", 1, Map.of("tier", "L2", "kind", "contact"));

        recorder.flush();

        assertThat(stdout.emfDocuments().get(0).dimensionSets())
                .containsExactly(List.of("function"), List.of("function", "kind", "tier"));
    }

    @Test
    void flush_emptiesTheBuffer() {
        recorder.count("RequestCount", 1, Map.of("route", "GET:/api/contacts"));
        recorder.flush();

        recorder.flush();

        assertThat(stdout.emfDocuments()).hasSize(1);
    }

    @Test
    void record_pastTheBufferLimit_flushesOnItsOwn() {
        IntStream.range(0, PowertoolsMetricsRecorder.MAX_BUFFERED_SAMPLES)
                .forEach(i -> recorder.count("CacheHit", 1, Map.of("tier", "L1", "kind", "contact")));

        int valuesWritten = stdout.emfDocuments().stream().mapToInt(document -> document.values("CacheHit").size()).sum();
        assertThat(valuesWritten).isEqualTo(PowertoolsMetricsRecorder.MAX_BUFFERED_SAMPLES);
    }

    @Test
    void record_fromManyThreads_losesNoSample() throws InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        IntStream.range(0, 400).forEach(i -> pool.execute(
                () -> recorder.count("TwilioError", 1, Map.of("operation", "messages.create"))));
        pool.shutdown();
        assertThat(pool.awaitTermination(30, TimeUnit.SECONDS)).isTrue();

        recorder.flush();

        int valuesWritten = stdout.emfDocuments().stream().mapToInt(document -> document.values("TwilioError").size()).sum();
        assertThat(valuesWritten).isEqualTo(400);
    }

    @Test
    void record_rawPathWithAnId_isRefused() {
        assertThatThrownBy(() -> recorder.count("RequestCount", 1, Map.of("route", "GET:/api/contacts/123456")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("route");
    }

    @Test
    void record_uuidOrPhoneDimension_isRefusedWithoutEchoingThePhone() {
        assertThatThrownBy(() -> recorder.count("CacheHit", 1,
                Map.of("kind", "3f2b8c1e-1a2b-4c3d-8e9f-001122334455")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> recorder.count("CacheHit", 1, Map.of("kind", "+14155550123")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageNotContaining("+14155550123");
    }

    @Test
    void record_dimensionWithSpaces_isRefusedBeforeFlush() {
        assertThatThrownBy(() -> recorder.count("RequestCount", 1, Map.of("route", "GET /api/contacts")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("without spaces");
    }

    @Test
    void record_callerCannotOverrideTheFunctionDimension() {
        assertThatThrownBy(() -> recorder.count("RequestCount", 1, Map.of("function", "other")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("function");
    }

    @Test
    void record_blankMetricName_isRefused() {
        assertThatThrownBy(() -> recorder.count(" ", 1, Map.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
