package com.kin.metrics.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.kin.metrics.ReportWindow;
import com.kin.metrics.source.StatQuery;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReportBuilderTest {

    private static final String CONTACTS = "kin-dev-contacts";
    private static final String USERS = "kin-dev-users";
    private static final String WORKER = "kin-dev-bulk-sms-worker";
    private static final Map<String, String> CONTACTS_FN = Map.of("function", CONTACTS);
    private static final Map<String, String> LIST = Map.of("function", CONTACTS, "route", "GET:/api/contacts");
    private static final Map<String, String> ONE = Map.of("function", CONTACTS, "route", "GET:/api/contacts/{id}");
    private static final ReportWindow HOUR = new ReportWindow(Instant.parse("2026-11-24T05:00:00Z"),
            Instant.parse("2026-11-24T06:00:00Z"), Duration.ofHours(1));

    private final ScriptedSource source = new ScriptedSource();

    @Test
    void routes_haveCountsRatesErrorRatiosAndPercentiles_busiestFirst() {
        source.series("RequestCount", CONTACTS_FN, LIST, ONE)
                .figure("RequestCount", LIST, "Sum", 100).figure("RequestCount", ONE, "Sum", 260)
                .figure("Request4xx", LIST, "Sum", 10).figure("Request5xx", LIST, "Sum", 2)
                .figure("RequestLatency", LIST, "p50", 12.345).figure("RequestLatency", LIST, "p95", 80)
                .figure("RequestLatency", LIST, "p99", 150.005);

        MetricsReport report = build();

        assertThat(report.routes()).extracting(MetricsReport.Route::route)
                .containsExactly("GET:/api/contacts/{id}", "GET:/api/contacts");
        MetricsReport.Route list = report.routes().get(1);
        assertThat(list.function()).isEqualTo(CONTACTS);
        assertThat(list.requests()).isEqualTo(100);
        assertThat(list.requestsPerSecond()).isEqualTo(0.028);
        assertThat(list.clientErrors()).isEqualTo(10);
        assertThat(list.serverErrors()).isEqualTo(2);
        assertThat(list.clientErrorRate()).isEqualTo(0.1);
        assertThat(list.serverErrorRate()).isEqualTo(0.02);
        assertThat(list.latencyMs()).isEqualTo(new MetricsReport.Latency(12.35, 80.0, 150.01));
        assertThat(report.routes().get(0).serverErrorRate()).isEqualTo(0.0);
        assertThat(report.routes().get(0).latencyMs()).isEqualTo(new MetricsReport.Latency(null, null, null));
        assertThat(report.totals()).isEqualTo(new MetricsReport.Totals(360, 0.1, 10, 2, 0.0278, 0.0056, 0));
    }

    @Test
    void cache_isSummedPerKindOverFunctionsAndTiers() {
        Map<String, String> contactsL1 = Map.of("function", CONTACTS, "kind", "contact", "tier", "l1");
        Map<String, String> contactsL2 = Map.of("function", CONTACTS, "kind", "contact", "tier", "l2");
        Map<String, String> usersL1 = Map.of("function", USERS, "kind", "contact", "tier", "l1");
        Map<String, String> session = Map.of("function", USERS, "kind", "session", "tier", "l1");
        source.series("CacheHit", Map.of("function", CONTACTS), contactsL1, contactsL2, usersL1)
                .series("CacheMiss", contactsL1, contactsL2, session)
                .figure("CacheHit", contactsL1, "Sum", 60).figure("CacheMiss", contactsL1, "Sum", 40)
                .figure("CacheHit", contactsL2, "Sum", 30).figure("CacheMiss", contactsL2, "Sum", 10)
                .figure("CacheHit", usersL1, "Sum", 10).figure("CacheMiss", session, "Sum", 5)
                // The [function] rollup counts the same lookups again; it must not be added.
                .figure("CacheHit", Map.of("function", CONTACTS), "Sum", 90);

        MetricsReport report = build();

        assertThat(report.cache()).containsExactly(
                new MetricsReport.CacheKind("contact", 110, 70, 40, 30, 10, 0.9091, 0.6364, 0.75),
                new MetricsReport.CacheKind("session", 5, 0, 5, 0, 0, 0.0, 0.0, null));
    }

    @Test
    void functions_haveColdStartsDatabaseTimeAndPoolUsage_includingOnesWithoutRoutes() {
        Map<String, String> worker = Map.of("function", WORKER);
        source.series("RequestCount", CONTACTS_FN, LIST).series("DbQueryTime", worker, Map.of("function", WORKER,
                        "query", "bulk.claim"))
                .figure("RequestCount", LIST, "Sum", 4).figure("RequestCount", CONTACTS_FN, "Sum", 4)
                .figure("RequestLatency", CONTACTS_FN, "p99", 31)
                .figure("ColdStart", CONTACTS_FN, "Sum", 2)
                .figure("DbQueryTime", CONTACTS_FN, "SampleCount", 8).figure("DbQueryTime", CONTACTS_FN, "Sum", 40.25)
                .figure("DbQueryTime", CONTACTS_FN, "p95", 9).figure("DbQueryTime", CONTACTS_FN, "p99", 11)
                .figure("DbConnectionWait", CONTACTS_FN, "Maximum", 1.5).figure("DbConnectionWait", CONTACTS_FN, "p99", 1.2)
                .figure("DbPoolActive", CONTACTS_FN, "Maximum", 2).figure("DbPoolActive", CONTACTS_FN, "Average", 1.125)
                .figure("DbPoolIdle", CONTACTS_FN, "Maximum", 1).figure("DbPoolPending", CONTACTS_FN, "Maximum", 0)
                .figure("DbQueryTime", worker, "SampleCount", 3).figure("DbQueryTime", worker, "Sum", 6);

        MetricsReport report = build();

        assertThat(report.functions()).extracting(MetricsReport.Function::function).containsExactly(WORKER, CONTACTS);
        MetricsReport.Function contacts = report.functions().get(1);
        assertThat(contacts.requests()).isEqualTo(4);
        assertThat(contacts.coldStarts()).isEqualTo(2);
        assertThat(contacts.latencyMs().p99()).isEqualTo(31.0);
        assertThat(contacts.database()).isEqualTo(new MetricsReport.Database(8, 40.25, 9.0, 11.0, 1.5, 1.2));
        assertThat(contacts.pool()).isEqualTo(new MetricsReport.Pool(2.0, 1.13, 1.0, 0.0));
        assertThat(report.functions().get(0).database().queries()).isEqualTo(3);
        assertThat(report.totals().coldStarts()).isEqualTo(2);
    }

    @Test
    void seriesWithoutDataInTheWindow_areLeftOut() {
        source.series("RequestCount", CONTACTS_FN, LIST, ONE).figure("RequestCount", LIST, "Sum", 1);

        MetricsReport report = build();

        assertThat(report.routes()).extracting(MetricsReport.Route::route).containsExactly("GET:/api/contacts");
        assertThat(report.functions()).isEmpty();
    }

    @Test
    void everyStatistic_isAskedOnce_overTheWindow_withIdsCloudWatchAccepts() {
        source.series("RequestCount", CONTACTS_FN, LIST).series("CacheHit", Map.of("function", CONTACTS, "kind",
                "contact", "tier", "l1"));

        build();

        assertThat(source.asked).extracting(StatQuery::id).doesNotHaveDuplicates()
                .allMatch(id -> id.matches("[a-z][a-zA-Z0-9_]*"));
        assertThat(source.asked).extracting(q -> q.metric() + q.dimensions() + q.stat()).doesNotHaveDuplicates();
        // 6 per route, 2 per cache series, 15 per function.
        assertThat(source.asked).hasSize(6 + 2 + 15);
        assertThat(source.askedRange).containsExactly(HOUR.start(), HOUR.end());
    }

    @Test
    void nothingEmitted_givesAnEmptyReport_withoutAskingForFigures() {
        MetricsReport report = build();

        assertThat(source.asked).isEmpty();
        assertThat(report.complete()).isTrue();
        assertThat(report.routes()).isEmpty();
        assertThat(report.totals()).isEqualTo(new MetricsReport.Totals(0, 0.0, 0, 0, null, null, 0));
        assertThat(report.window()).isEqualTo(new MetricsReport.Window("2026-11-24T05:00:00Z", "2026-11-24T06:00:00Z",
                "PT1H"));
        assertThat(report.source()).isEqualTo("scripted");
    }

    @Test
    void incompleteListingOrAnswers_markTheReportIncomplete() {
        source.series("RequestCount", LIST).figure("RequestCount", LIST, "Sum", 1);
        source.answersComplete = false;
        assertThat(build().complete()).isFalse();

        source.answersComplete = true;
        source.listingComplete = false;
        assertThat(build().complete()).isFalse();
    }

    private MetricsReport build() {
        return new ReportBuilder(source, "KIN").build(HOUR);
    }
}
