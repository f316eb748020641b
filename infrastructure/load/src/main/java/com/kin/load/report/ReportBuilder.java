package com.kin.load.report;

import com.kin.load.report.LoadReport.CacheCounts;
import com.kin.load.report.LoadReport.CacheResult;
import com.kin.load.report.LoadReport.Latency;
import com.kin.load.report.LoadReport.RouteResult;
import com.kin.load.report.LoadReport.SecondResult;
import com.kin.load.report.LoadReport.SqlResult;
import com.kin.load.report.LoadReport.Totals;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.HdrHistogram.Histogram;

/** Turns a phase's recorder and the run's facts into the report. */
public final class ReportBuilder {

    /**
     * What the scheduler knows of the measured phase.
     *
     * @param window  the measured duration, in which every planned request was meant to start
     * @param seconds from the start of the window to the last answer (or the end of the drain)
     */
    public record PhaseFacts(long planned, long notSent, int maxInFlight, double window, double seconds) {
    }

    private ReportBuilder() {
    }

    public static LoadReport build(LoadReport.Run run, Recorder recorder, PhaseFacts facts, double ratePerMinute,
                                   SqlResult sql, List<FunctionMemory> memory) {
        Map<String, Long> errorsByStatus = new LinkedHashMap<>(recorder.errorsByStatus());
        long errors = errorsByStatus.values().stream().mapToLong(Long::longValue).sum() + recorder.unfinished();
        if (recorder.unfinished() > 0) {
            errorsByStatus.put("unfinished", recorder.unfinished());
        }
        double seconds = Math.max(facts.seconds(), 1e-9);
        Totals totals = new Totals(facts.planned(), recorder.count(), errors, recorder.unfinished(), facts.notSent(),
                round(facts.seconds()), round(recorder.count() / seconds),
                round(recorder.count() / (double) run.users() / (facts.window() / 60)), latency(recorder.all()),
                latency(recorder.sendDelay()), facts.maxInFlight());
        List<RouteResult> routes = routes(recorder);
        CacheResult cache = cache(routes, recorder);
        return new LoadReport(run, totals, routes, errorsByStatus, cache, sql, memory, timeline(recorder),
                Targets.evaluate(totals, cache, run.users(), ratePerMinute, memory));
    }

    private static List<RouteResult> routes(Recorder recorder) {
        List<RouteResult> routes = new ArrayList<>();
        recorder.routes().forEach((route, stats) -> {
            long l1 = stats.cache("l1");
            long l2 = stats.cache("l2");
            long miss = stats.cache("miss");
            routes.add(new RouteResult(route, stats.latency.getTotalCount(), stats.errors(), stats.statuses(),
                    latency(stats.latency), new CacheCounts(l1, l2, miss, hitRate(l1, l2, miss))));
        });
        return routes;
    }

    /** The tiers over every route that answers x-cache; latencies split by hit (l1, l2) and everything else. */
    private static CacheResult cache(List<RouteResult> routes, Recorder recorder) {
        long l1 = routes.stream().mapToLong(route -> route.cache().l1()).sum();
        long l2 = routes.stream().mapToLong(route -> route.cache().l2()).sum();
        long miss = routes.stream().mapToLong(route -> route.cache().miss()).sum();
        long reads = l1 + l2 + miss;
        return new CacheResult(l1, l2, miss, hitRate(l1, l2, miss), share(l1, reads), share(l2, reads),
                share(miss, reads), latency(recorder.cached()), latency(recorder.uncached()));
    }

    private static List<SecondResult> timeline(Recorder recorder) {
        Map<Integer, Recorder.SecondStats> seconds = recorder.seconds();
        List<SecondResult> timeline = new ArrayList<>();
        for (int second = 0; second <= recorder.lastSecond(); second++) {
            Recorder.SecondStats stats = seconds.get(second);
            Histogram latency = stats == null ? null : stats.latency;
            boolean answered = latency != null && latency.getTotalCount() > 0;
            timeline.add(new SecondResult(second, recorder.scheduledIn(second), recorder.completionsIn(second),
                    stats == null ? 0 : stats.errors.sum(), answered ? millis(latency.getValueAtPercentile(50)) : 0,
                    answered ? millis(latency.getValueAtPercentile(99)) : 0));
        }
        return timeline;
    }

    static Latency latency(Histogram histogram) {
        if (histogram.getTotalCount() == 0) {
            return new Latency(0, 0, 0, 0, 0, 0);
        }
        return new Latency(histogram.getTotalCount(), millis(histogram.getValueAtPercentile(50)),
                millis(histogram.getValueAtPercentile(95)), millis(histogram.getValueAtPercentile(99)),
                millis(histogram.getMaxValue()), round(histogram.getMean() / 1000.0));
    }

    private static Double hitRate(long l1, long l2, long miss) {
        long total = l1 + l2 + miss;
        return total == 0 ? null : round4((l1 + l2) / (double) total);
    }

    private static Double share(long part, long total) {
        return total == 0 ? null : round4(part / (double) total);
    }

    private static double millis(long micros) {
        return Math.round(micros) / 1000.0;
    }

    private static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }

    private static double round4(double value) {
        return Math.round(value * 10_000) / 10_000.0;
    }
}
