package com.kin.load.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportTest {

    private static final long SECOND = TimeUnit.SECONDS.toNanos(1);
    private static final long MS = TimeUnit.MILLISECONDS.toNanos(1);

    @Test
    void routes_errors_cacheAndTimeline_comeFromTheOutcomes() {
        LoadReport report = report();

        assertThat(report.routes()).extracting(LoadReport.RouteResult::route)
                .containsExactly("GET /api/contacts/{id}", "POST /api/messages");
        LoadReport.RouteResult lookups = report.routes().get(0);
        assertThat(lookups.requests()).isEqualTo(100);
        assertThat(lookups.statuses()).containsExactly(Map.entry("200", 100L));
        assertThat(lookups.cache()).isEqualTo(new LoadReport.CacheCounts(80, 10, 10, 0.9));
        assertThat(lookups.latency().p50()).isCloseTo(10.0, org.assertj.core.api.Assertions.within(0.1));
        assertThat(lookups.latency().max()).isCloseTo(300.0, org.assertj.core.api.Assertions.within(0.5));
        assertThat(report.routes().get(1).statuses()).containsEntry("504", 2L).containsEntry("timeout", 1L);
        assertThat(report.errorsByStatus()).containsEntry("504", 2L).containsEntry("timeout", 1L)
                .containsEntry("unfinished", 1L);
        assertThat(report.totals().errors()).isEqualTo(4);
        assertThat(report.totals().completed()).isEqualTo(103);
        assertThat(report.cache().hitRate()).isEqualTo(0.9);
        assertThat(report.timeline()).extracting(LoadReport.SecondResult::started).containsExactly(50L, 53L, 1L);
        assertThat(report.timeline()).extracting(LoadReport.SecondResult::completed).containsExactly(50L, 50L, 3L);
        assertThat(report.timeline().get(1).errors()).isEqualTo(3);
        assertThat(report.timeline().get(2).p99()).isZero();
    }

    @Test
    void latency_isMeasuredFromTheIntendedStart_notFromWhenTheRequestLeft() {
        Recorder recorder = new Recorder(0);
        // Meant to start at 1 s, held back 400 ms by the in-flight limit, answered 50 ms after it left.
        recorder.record(new Outcome("GET /api/calls", SECOND, SECOND + 400 * MS, SECOND + 450 * MS, 200, null, "miss"));

        LoadReport report = ReportBuilder.build(run(), recorder, new ReportBuilder.PhaseFacts(1, 0, 1, 1, 2), 100, null,
                List.of());

        assertThat(report.totals().latency().p50()).isCloseTo(450.0, org.assertj.core.api.Assertions.within(0.5));
        assertThat(report.totals().sendDelay().p50()).isCloseTo(400.0, org.assertj.core.api.Assertions.within(0.5));
    }

    @Test
    void targets_holdTheRunAgainstTheGuideAndOurs() {
        Map<String, LoadReport.TargetResult> targets = new java.util.HashMap<>();
        report().targets().forEach(target -> targets.put(target.source() + ": " + target.target(), target));

        assertThat(targets).hasSize(9);
        assertThat(targets.get("guide: Cache hit rate (x-cache l1 + l2 over all cached reads)").met()).isTrue();
        assertThat(targets.get("ours: Cache hit rate (x-cache l1 + l2 over all cached reads)").met()).isTrue();
        assertThat(targets.get("ours: Errors (status ≥ 400, timeouts, unfinished)").met()).isFalse();
        assertThat(targets.get("ours: Errors (status ≥ 400, timeouts, unfinished)").measured()).isEqualTo("4");
        assertThat(targets.get("guide: Throughput").met()).as("3 users are not the guide's 30").isFalse();
        assertThat(targets.get("guide: API response, cached (x-cache l1/l2)").met()).isTrue();
        assertThat(targets.get("ours: Memory: peak RSS of every function within its MemorySize"))
                .satisfies(memory -> {
                    assertThat(memory.met()).as("search went past its 512 MB").isFalse();
                    assertThat(memory.measured()).isEqualTo("2 functions; fullest search: 600 of 512 MB");
                });
    }

    @Test
    void json_roundTrips_andTheHtmlPageDrawsTheTimeline(@TempDir Path directory) throws Exception {
        LoadReport report = report();
        Path json = directory.resolve("out/load.json");
        Path html = directory.resolve("out/load.html");

        ReportFiles.write(report, json, html);

        assertThat(ReportFiles.read(json)).isEqualTo(report);
        String page = Files.readString(html);
        assertThat(page).contains("<svg", "<polyline", "GET /api/contacts/{id}", "50 ms (our p95)")
                .doesNotContain("{id}</td><td>100</td><td>0</td><td>NaN");
    }

    @Test
    void console_showsEveryRouteAndTheTargetsTable() {
        String text = ConsoleReport.render(report());

        assertThat(text).contains("GET /api/contacts/{id}", "POST /api/messages", "504x2", "timeoutx1",
                "errors by status: 504: 2, timeout: 1, unfinished: 1", "hit 90.0% = l1 80.0% + l2 10.0%, miss 10.0%",
                "sql (pg_stat_database): 120 transactions (60/min)",
                "memory (peak RSS / MemorySize): contacts 300/1024 MB x2, search 600/512 MB x1");
        assertThat(text.lines().filter(line -> line.startsWith("guide ") || line.startsWith("ours "))).hasSize(9);
    }

    private static final List<FunctionMemory> MEMORY =
            List.of(new FunctionMemory("contacts", 2, 300, 1024), new FunctionMemory("search", 1, 600, 512));

    /** 100 lookups (80 l1, 10 l2, 10 miss; 10 ms, one slow), 2 sends that failed with 504, a timeout, one unfinished. */
    private static LoadReport report() {
        Recorder recorder = new Recorder(0);
        for (int i = 0; i < 100; i++) {
            long start = (i % 2) * SECOND + i * MS;
            long latency = i == 99 ? 300 * MS : 10 * MS;
            String cache = i < 80 ? "l1" : i < 90 ? "l2" : "miss";
            record(recorder, new Outcome("GET /api/contacts/{id}", start, start, start + latency, 200, null, cache));
        }
        for (int i = 0; i < 2; i++) {
            record(recorder, new Outcome("POST /api/messages", SECOND, SECOND, 2 * SECOND + 100 * MS, 504, null, null));
        }
        record(recorder, new Outcome("POST /api/messages", SECOND, SECOND, 2 * SECOND + 500 * MS, 0, "timeout", null));
        // Scheduled in second 2, never answered: the timeline counts it, the drain's end counts it as unfinished.
        recorder.scheduled(2 * SECOND + 10 * MS);
        recorder.close(1);
        LoadReport.SqlResult sql = SqlCounters.between(new SqlCounters.Snapshot(0, null, 1_000, 5, 1),
                new SqlCounters.Snapshot(120 * SECOND, null, 1_120, 905, 11));
        return ReportBuilder.build(run(), recorder, new ReportBuilder.PhaseFacts(104, 0, 7, 2, 2.5), 100, sql, MEMORY);
    }

    private static void record(Recorder recorder, Outcome outcome) {
        recorder.scheduled(outcome.intended());
        recorder.record(outcome);
    }

    private static LoadReport.Run run() {
        return new LoadReport.Run("2026-12-03T10:00:00Z", "2026-12-03T10:00:05Z", 3, Map.of("agent", 2, "manager", 1), 3,
                "100/min", "2s", "0s", "30s", 1000, 64, 0.5, "http://127.0.0.1:3000", 1,
                Map.of("agent", Map.of("GET /api/contacts/{id}", 100.0)),
                new LoadReport.Machine(2, 1.5, 2.0, "OpenJDK 17", "Linux"), "open model");
    }
}
