package com.kin.metrics.report;

import static com.kin.metrics.report.ReportBuilder.AVERAGE;
import static com.kin.metrics.report.ReportBuilder.MAXIMUM;
import static com.kin.metrics.report.ReportBuilder.P50;
import static com.kin.metrics.report.ReportBuilder.P95;
import static com.kin.metrics.report.ReportBuilder.P99;
import static com.kin.metrics.report.ReportBuilder.SAMPLE_COUNT;
import static com.kin.metrics.report.ReportBuilder.SUM;
import static com.kin.observability.metrics.MetricDimensions.FUNCTION;
import static com.kin.observability.metrics.MetricDimensions.KIND;
import static com.kin.observability.metrics.MetricDimensions.ROUTE;
import static com.kin.observability.metrics.MetricDimensions.TIER;

import com.kin.metrics.ReportWindow;
import com.kin.metrics.report.QueryPlan.Figures;
import com.kin.observability.metrics.MetricNames;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Turns answered statistics into the report's figures: sums, rates, ratios, rounded for reading. */
final class ReportAssembler {

    /** kin-cache's tier dimension values (CacheSource.headerValue()). */
    private static final String L1 = "l1";
    private static final String L2 = "l2";

    private final Figures figures;
    private final ReportWindow window;
    private final double seconds;

    ReportAssembler(Figures figures, ReportWindow window) {
        this.figures = figures;
        this.window = window;
        this.seconds = window.duration().toSeconds();
    }

    MetricsReport assemble(String source, boolean complete, ReportBuilder.Discovery found) {
        List<MetricsReport.Route> routes = routes(found.routes());
        List<MetricsReport.Function> functions = functions(found.functions());
        return new MetricsReport(source, new MetricsReport.Window(window.start().toString(), window.end().toString(),
                window.duration().toString()), complete, totals(routes, functions), routes, cache(found.cacheSeries()),
                functions);
    }

    private List<MetricsReport.Route> routes(List<Map<String, String>> series) {
        List<MetricsReport.Route> routes = new ArrayList<>();
        for (Map<String, String> route : series) {
            long requests = figures.count(MetricNames.REQUEST_COUNT, route, SUM);
            if (requests == 0) {
                continue;
            }
            long clientErrors = figures.count(MetricNames.REQUEST_4XX, route, SUM);
            long serverErrors = figures.count(MetricNames.REQUEST_5XX, route, SUM);
            routes.add(new MetricsReport.Route(route.get(FUNCTION), route.get(ROUTE), requests, perSecond(requests),
                    latency(route), clientErrors, serverErrors, ratio(clientErrors, requests), ratio(serverErrors, requests)));
        }
        routes.sort(Comparator.comparingLong(MetricsReport.Route::requests).reversed()
                .thenComparing(MetricsReport.Route::function).thenComparing(MetricsReport.Route::route));
        return routes;
    }

    /** Each kind summed over every function that read it, tier by tier. */
    private List<MetricsReport.CacheKind> cache(List<Map<String, String>> series) {
        Map<String, long[]> byKind = new TreeMap<>();
        for (Map<String, String> dimensions : series) {
            long[] counts = byKind.computeIfAbsent(dimensions.get(KIND), kind -> new long[4]);
            int tier = L1.equals(dimensions.get(TIER)) ? 0 : L2.equals(dimensions.get(TIER)) ? 2 : -1;
            if (tier >= 0) {
                counts[tier] += figures.count(MetricNames.CACHE_HIT, dimensions, SUM);
                counts[tier + 1] += figures.count(MetricNames.CACHE_MISS, dimensions, SUM);
            }
        }
        List<MetricsReport.CacheKind> kinds = new ArrayList<>();
        byKind.forEach((kind, c) -> {
            long lookups = c[0] + c[1];
            if (lookups > 0 || c[2] + c[3] > 0) {
                kinds.add(new MetricsReport.CacheKind(kind, lookups, c[0], c[1], c[2], c[3], ratio(c[0] + c[2], lookups),
                        ratio(c[0], lookups), ratio(c[2], c[2] + c[3])));
            }
        });
        kinds.sort(Comparator.comparingLong(MetricsReport.CacheKind::lookups).reversed());
        return kinds;
    }

    private List<MetricsReport.Function> functions(Iterable<String> names) {
        List<MetricsReport.Function> functions = new ArrayList<>();
        for (String name : names) {
            Map<String, String> function = Map.of(FUNCTION, name);
            long requests = figures.count(MetricNames.REQUEST_COUNT, function, SUM);
            long coldStarts = figures.count(MetricNames.COLD_START, function, SUM);
            long queries = figures.count(MetricNames.DB_QUERY_TIME, function, SAMPLE_COUNT);
            MetricsReport.Database database = new MetricsReport.Database(queries,
                    figure(MetricNames.DB_QUERY_TIME, function, SUM), figure(MetricNames.DB_QUERY_TIME, function, P95),
                    figure(MetricNames.DB_QUERY_TIME, function, P99), figure(MetricNames.DB_CONNECTION_WAIT, function, MAXIMUM),
                    figure(MetricNames.DB_CONNECTION_WAIT, function, P99));
            MetricsReport.Pool pool = new MetricsReport.Pool(figure(MetricNames.DB_POOL_ACTIVE, function, MAXIMUM),
                    figure(MetricNames.DB_POOL_ACTIVE, function, AVERAGE), figure(MetricNames.DB_POOL_IDLE, function, MAXIMUM),
                    figure(MetricNames.DB_POOL_PENDING, function, MAXIMUM));
            if (requests > 0 || coldStarts > 0 || queries > 0 || pool.activeMax() != null) {
                functions.add(new MetricsReport.Function(name, requests, latency(function), coldStarts, database, pool));
            }
        }
        return functions;
    }

    private MetricsReport.Totals totals(List<MetricsReport.Route> routes, List<MetricsReport.Function> functions) {
        long requests = routes.stream().mapToLong(MetricsReport.Route::requests).sum();
        long clientErrors = routes.stream().mapToLong(MetricsReport.Route::clientErrors).sum();
        long serverErrors = routes.stream().mapToLong(MetricsReport.Route::serverErrors).sum();
        long coldStarts = functions.stream().mapToLong(MetricsReport.Function::coldStarts).sum();
        return new MetricsReport.Totals(requests, perSecond(requests), clientErrors, serverErrors,
                ratio(clientErrors, requests), ratio(serverErrors, requests), coldStarts);
    }

    private MetricsReport.Latency latency(Map<String, String> dimensions) {
        return new MetricsReport.Latency(figure(MetricNames.REQUEST_LATENCY, dimensions, P50),
                figure(MetricNames.REQUEST_LATENCY, dimensions, P95), figure(MetricNames.REQUEST_LATENCY, dimensions, P99));
    }

    /** A figure to two decimals (milliseconds, or a sampled count); null without data. */
    private Double figure(String metric, Map<String, String> dimensions, String stat) {
        Double value = figures.value(metric, dimensions, stat);
        return value == null ? null : round(value, 2);
    }

    private double perSecond(long count) {
        return round(count / seconds, 3);
    }

    private static Double ratio(long part, long whole) {
        return whole == 0 ? null : round((double) part / whole, 4);
    }

    private static double round(double value, int decimals) {
        return BigDecimal.valueOf(value).setScale(decimals, RoundingMode.HALF_UP).doubleValue();
    }
}
