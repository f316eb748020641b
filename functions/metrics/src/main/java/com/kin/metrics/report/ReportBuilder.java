package com.kin.metrics.report;

import static com.kin.observability.metrics.MetricDimensions.FUNCTION;
import static com.kin.observability.metrics.MetricDimensions.KIND;
import static com.kin.observability.metrics.MetricDimensions.ROUTE;
import static com.kin.observability.metrics.MetricDimensions.TIER;

import com.kin.metrics.ReportWindow;
import com.kin.metrics.source.Answers;
import com.kin.metrics.source.MetricsSource;
import com.kin.metrics.source.SeriesList;
import com.kin.observability.metrics.MetricNames;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Builds a report from a {@link MetricsSource}: finds which routes, cache series and functions had metrics, asks for
 * every statistic the report shows in one batch, and hands the answers to {@link ReportAssembler}.
 *
 * <p>Series are found, never guessed: the route, kind and function values are whatever the functions emitted (bounded
 * sets, see kin-observability's DimensionRules), listed per metric under the exact dimension sets the recorder uses.
 */
public final class ReportBuilder {

    static final String P50 = "p50";
    static final String P95 = "p95";
    static final String P99 = "p99";
    static final String SUM = "Sum";
    static final String SAMPLE_COUNT = "SampleCount";
    static final String AVERAGE = "Average";
    static final String MAXIMUM = "Maximum";

    private static final Set<String> ROUTE_SERIES = Set.of(FUNCTION, ROUTE);
    private static final Set<String> CACHE_SERIES = Set.of(FUNCTION, KIND, TIER);
    private static final Set<String> FUNCTION_SERIES = Set.of(FUNCTION);

    /** What was found: the series the report covers. */
    record Discovery(List<Map<String, String>> routes, List<Map<String, String>> cacheSeries,
                     SortedSet<String> functions, boolean complete) {
    }

    private final MetricsSource source;
    private final String namespace;

    public ReportBuilder(MetricsSource source, String namespace) {
        this.source = source;
        this.namespace = namespace;
    }

    public MetricsReport build(ReportWindow window) {
        Discovery found = discover(window);
        QueryPlan plan = plan(found);
        Answers answers = plan.isEmpty() ? new Answers(Map.of(), true)
                : source.values(namespace, plan.queries(), window.start(), window.end());
        return new ReportAssembler(plan.figures(answers), window).assemble(source.name(),
                found.complete() && answers.complete(), found);
    }

    Discovery discover(ReportWindow window) {
        boolean complete = true;
        SortedSet<String> functions = new TreeSet<>();
        SeriesList requests = source.series(namespace, MetricNames.REQUEST_COUNT, window.duration());
        List<Map<String, String>> routes = exactly(requests, ROUTE_SERIES);
        complete &= requests.complete();
        Set<Map<String, String>> cacheSeries = new LinkedHashSet<>();
        for (String metric : List.of(MetricNames.CACHE_HIT, MetricNames.CACHE_MISS)) {
            SeriesList listed = source.series(namespace, metric, window.duration());
            cacheSeries.addAll(exactly(listed, CACHE_SERIES));
            complete &= listed.complete();
        }
        // Functions without HTTP routes (the SQS worker) still time statements.
        SeriesList statements = source.series(namespace, MetricNames.DB_QUERY_TIME, window.duration());
        complete &= statements.complete();
        for (List<Map<String, String>> series : List.of(routes, List.copyOf(cacheSeries),
                exactly(statements, FUNCTION_SERIES), exactly(requests, FUNCTION_SERIES))) {
            series.forEach(dimensions -> functions.add(dimensions.get(FUNCTION)));
        }
        return new Discovery(routes, List.copyOf(cacheSeries), functions, complete);
    }

    static QueryPlan plan(Discovery found) {
        QueryPlan plan = new QueryPlan();
        for (Map<String, String> route : found.routes()) {
            plan.add(MetricNames.REQUEST_LATENCY, route, P50, P95, P99);
            plan.add(MetricNames.REQUEST_COUNT, route, SUM);
            plan.add(MetricNames.REQUEST_4XX, route, SUM);
            plan.add(MetricNames.REQUEST_5XX, route, SUM);
        }
        for (Map<String, String> series : found.cacheSeries()) {
            plan.add(MetricNames.CACHE_HIT, series, SUM);
            plan.add(MetricNames.CACHE_MISS, series, SUM);
        }
        for (String function : found.functions()) {
            Map<String, String> dimensions = Map.of(FUNCTION, function);
            plan.add(MetricNames.REQUEST_COUNT, dimensions, SUM);
            plan.add(MetricNames.REQUEST_LATENCY, dimensions, P50, P95, P99);
            plan.add(MetricNames.COLD_START, dimensions, SUM);
            plan.add(MetricNames.DB_QUERY_TIME, dimensions, SAMPLE_COUNT, SUM, P95, P99);
            plan.add(MetricNames.DB_CONNECTION_WAIT, dimensions, MAXIMUM, P99);
            plan.add(MetricNames.DB_POOL_ACTIVE, dimensions, MAXIMUM, AVERAGE);
            plan.add(MetricNames.DB_POOL_IDLE, dimensions, MAXIMUM);
            plan.add(MetricNames.DB_POOL_PENDING, dimensions, MAXIMUM);
        }
        return plan;
    }

    /** The series whose dimension names are exactly {@code names}: one rollup, never counted twice. */
    private static List<Map<String, String>> exactly(SeriesList listed, Set<String> names) {
        List<Map<String, String>> matching = new ArrayList<>();
        listed.series().stream().filter(dimensions -> dimensions.keySet().equals(names)).forEach(matching::add);
        return matching;
    }
}
