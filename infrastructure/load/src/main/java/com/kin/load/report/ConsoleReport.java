package com.kin.load.report;

import com.kin.load.report.LoadReport.Latency;
import com.kin.load.report.LoadReport.RouteResult;
import com.kin.load.report.LoadReport.TargetResult;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** The report as the terminal shows it: the run, a line per route, errors, cache tiers, SQL and the targets table. */
public final class ConsoleReport {

    private static final String ROUTE_ROW = "%-42s %8s %7s %9s %9s %9s %9s %6s  %s%n";
    private static final String TARGET_ROW = "%-6s %-56s %-24s %-4s %s%n";

    private ConsoleReport() {
    }

    public static String render(LoadReport report) {
        return header(report) + routes(report) + format("%nerrors by status: %s%n", report.errorsByStatus().isEmpty()
                ? "none" : report.errorsByStatus().entrySet().stream().map(e -> e.getKey() + ": " + e.getValue())
                .collect(Collectors.joining(", "))) + cache(report.cache()) + sql(report.sql()) + memory(report.memory())
                + targets(report);
    }

    private static String header(LoadReport report) {
        LoadReport.Run run = report.run();
        LoadReport.Totals totals = report.totals();
        return format("kin load: %d users (%s) x %s for %s (warm-up %s, not counted); seed %d%n", run.users(),
                run.usersByRole().entrySet().stream().map(e -> e.getValue() + " " + e.getKey())
                        .collect(Collectors.joining(", ")), run.ratePerUser(), run.duration(), run.warmUp(),
                run.randomSeed())
                + format("requests: %d planned, %d answered, %d errors, %d unfinished, %d not sent (cap); %.1f/s over"
                + " %.1f s; at most %d in flight%n", totals.planned(), totals.completed(), totals.errors(),
                totals.unfinished(), totals.notSent(), totals.throughputPerSecond(), totals.seconds(), totals.maxInFlight())
                + format("latency from intended start: %s; send delay (tool-side wait) p99 %s%n%n",
                latency(totals.latency()), Targets.ms(totals.sendDelay().p99()));
    }

    private static String routes(LoadReport report) {
        StringBuilder out = new StringBuilder(format(ROUTE_ROW, "route", "requests", "errors", "p50 ms", "p95 ms",
                "p99 ms", "max ms", "hit", "statuses"));
        for (RouteResult route : report.routes()) {
            out.append(format(ROUTE_ROW, route.route(), route.requests(), route.errors(), number(route.latency().p50()),
                    number(route.latency().p95()), number(route.latency().p99()), number(route.latency().max()),
                    route.cache().hitRate() == null ? "-" : Targets.percent(route.cache().hitRate()),
                    route.statuses().entrySet().stream().map(e -> e.getKey() + "x" + e.getValue())
                            .collect(Collectors.joining(" "))));
        }
        return out.toString();
    }

    private static String targets(LoadReport report) {
        StringBuilder out = new StringBuilder(format("%n" + TARGET_ROW, "source", "target", "threshold", "met", "measured"));
        for (TargetResult target : report.targets()) {
            out.append(format(TARGET_ROW, target.source(), target.target(), target.threshold(),
                    target.met() ? "yes" : "NO", target.measured()));
        }
        return out.toString();
    }

    private static String cache(LoadReport.CacheResult cache) {
        if (cache.hitRate() == null) {
            return format("cache: no response carried x-cache%n");
        }
        return format("cache (x-cache over %d cached reads): hit %s = l1 %s + l2 %s, miss %s; p95 hit %s, p95 other %s%n",
                cache.l1() + cache.l2() + cache.miss(), Targets.percent(cache.hitRate()), Targets.percent(cache.l1Share()),
                Targets.percent(cache.l2Share()), Targets.percent(cache.missShare()),
                Targets.ms(cache.cachedLatency().p95()), Targets.ms(cache.uncachedLatency().p95()));
    }

    private static String memory(List<FunctionMemory> memory) {
        if (memory.isEmpty()) {
            return format("memory: not measured (no function JVM found in /proc)%n");
        }
        return format("memory (peak RSS / MemorySize): %s%n", memory.stream()
                .map(m -> format("%s %d/%d MB x%d", m.function(), m.peakRssMb(), m.memorySizeMb(), m.instances()))
                .collect(Collectors.joining(", ")));
    }

    private static String sql(LoadReport.SqlResult sql) {
        if (sql == null) {
            return format("sql: not measured%n");
        }
        String statements = sql.statements() == null ? "" : format("%d statements (%.0f/min); ", sql.statements(),
                sql.statementsPerMinute());
        return format("sql (%s): %s%d transactions (%.0f/min), %d rows read, %d rows written over %.2f min%n",
                sql.source(), statements, sql.transactions(), sql.transactionsPerMinute(), sql.rowsRead(),
                sql.rowsWritten(), sql.minutes());
    }

    private static String latency(Latency latency) {
        return format("p50 %s, p95 %s, p99 %s, max %s (%d requests)", Targets.ms(latency.p50()), Targets.ms(latency.p95()),
                Targets.ms(latency.p99()), Targets.ms(latency.max()), latency.count());
    }

    private static String number(double millis) {
        return format("%.1f", millis);
    }

    private static String format(String pattern, Object... arguments) {
        return String.format(Locale.ROOT, pattern, arguments);
    }
}
