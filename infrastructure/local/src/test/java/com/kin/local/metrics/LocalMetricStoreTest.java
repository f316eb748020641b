package com.kin.local.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class LocalMetricStoreTest {

    private static final Instant T0 = Instant.parse("2026-11-24T06:00:00Z");
    private static final Map<String, String> ROUTE = Map.of("function", "kin-local-contacts", "route", "GET:/api/contacts");

    private final MutableClock clock = new MutableClock(T0.plusSeconds(600));
    private final LocalMetricStore store = new LocalMetricStore(Duration.ofHours(1), clock, 10_000);

    @Test
    void percentiles_areNearestRankOverEveryValueInTheRange() {
        // 1..100 ms spread over three minutes: the statistics cannot come from one minute alone.
        IntStream.rangeClosed(1, 100).forEach(ms -> add("RequestLatency", ROUTE, T0.plusSeconds(ms % 3 * 60), ms));

        List<LocalMetricStore.Answer> answers = store.query("KIN", List.of(
                query("a", "RequestLatency", "p50"), query("b", "RequestLatency", "p95"),
                query("c", "RequestLatency", "p99"), query("d", "RequestLatency", "p99.9"),
                query("e", "RequestLatency", "SampleCount"), query("f", "RequestLatency", "Average"),
                query("g", "RequestLatency", "Maximum"), query("h", "RequestLatency", "Minimum"),
                query("i", "RequestLatency", "Sum")), T0, T0.plusSeconds(600));

        assertThat(answers).extracting(LocalMetricStore.Answer::value)
                .containsExactly(50.0, 95.0, 99.0, 100.0, 100.0, 50.5, 100.0, 1.0, 5050.0);
        assertThat(answers).allSatisfy(answer -> assertThat(answer.sampleCount()).isEqualTo(100));
    }

    @Test
    void range_takesTheMinutesThatBeginInsideIt() {
        add("RequestCount", ROUTE, T0.minusSeconds(1), 1);
        add("RequestCount", ROUTE, T0, 1);
        add("RequestCount", ROUTE, T0.plusSeconds(119), 1);
        add("RequestCount", ROUTE, T0.plusSeconds(120), 1);

        assertThat(store.query("KIN", List.of(query("q", "RequestCount", "Sum")), T0, T0.plusSeconds(120)))
                .singleElement().extracting(LocalMetricStore.Answer::value).isEqualTo(2.0);
    }

    @Test
    void seriesWithOtherDimensionsOrNoData_answerNull() {
        add("RequestCount", Map.of("function", "kin-local-contacts"), T0, 1);

        assertThat(store.query("KIN", List.of(query("q", "RequestCount", "Sum"), query("r", "ColdStart", "Sum")),
                T0, T0.plusSeconds(60))).extracting(LocalMetricStore.Answer::value).containsExactly(null, null);
    }

    @Test
    void series_listsEveryDimensionSetOfTheMetric() {
        store.accept(EmfDocumentsTest.REQUEST_DOCUMENT.replace("1796340398626", String.valueOf(T0.toEpochMilli())));

        assertThat(store.series("KIN", "RequestLatency"))
                .containsExactlyInAnyOrder(Map.of("function", "kin-local-contacts"), ROUTE);
        assertThat(store.series("KIN", "Nothing")).isEmpty();
        assertThat(store.series("Other", "RequestLatency")).isEmpty();
    }

    @Test
    void valuesOlderThanTheRetention_areDropped() {
        add("RequestCount", ROUTE, T0, 1);
        clock.set(T0.plus(Duration.ofHours(1)).plusSeconds(180));

        assertThat(store.series("KIN", "RequestCount")).isEmpty();
    }

    @Test
    void pastCapacity_theOldestMinuteGoes_andQueriesReachingIntoItAreIncomplete() {
        LocalMetricStore small = new LocalMetricStore(Duration.ofHours(1), clock, 3);
        small.add(new Datapoint(new SeriesKey("KIN", "RequestCount", ROUTE), T0.toEpochMilli(), new double[] {1, 1}));
        small.add(new Datapoint(new SeriesKey("KIN", "RequestCount", ROUTE), T0.plusSeconds(60).toEpochMilli(),
                new double[] {1, 1}));

        assertThat(small.query("KIN", List.of(query("q", "RequestCount", "Sum")), T0, T0.plusSeconds(120)))
                .singleElement().extracting(LocalMetricStore.Answer::value).isEqualTo(2.0);
        assertThat(small.complete(T0)).isFalse();
        assertThat(small.complete(T0.plusSeconds(60))).isTrue();
    }

    @Test
    void brokenDocument_isCountedAndIgnored() {
        store.accept("{\"_aws\":{\"Timestamp\":1}}");
        store.accept("{\"level\":\"INFO\"}");

        assertThat(store.refusedLines()).isEqualTo(1);
    }

    @Test
    void unknownStatistic_isRefused() {
        assertThatThrownBy(() -> store.query("KIN", List.of(query("q", "RequestCount", "p999")), T0, T0.plusSeconds(60)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("p999");
        assertThatThrownBy(() -> store.query("KIN", List.of(query("q", "RequestCount", "Median")), T0, T0.plusSeconds(60)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private void add(String metric, Map<String, String> dimensions, Instant at, double value) {
        store.add(new Datapoint(new SeriesKey("KIN", metric, dimensions), at.toEpochMilli(), new double[] {value}));
    }

    private static LocalMetricStore.Query query(String id, String metric, String stat) {
        return new LocalMetricStore.Query(id, metric, ROUTE, stat);
    }

    static final class MutableClock extends Clock {
        private Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        void set(Instant instant) {
            now = instant;
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
