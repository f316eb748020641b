package com.kin.metrics.source;

import com.kin.core.error.ExternalServiceError;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.model.CloudWatchException;
import software.amazon.awssdk.services.cloudwatch.model.Dimension;
import software.amazon.awssdk.services.cloudwatch.model.GetMetricDataRequest;
import software.amazon.awssdk.services.cloudwatch.model.GetMetricDataResponse;
import software.amazon.awssdk.services.cloudwatch.model.ListMetricsRequest;
import software.amazon.awssdk.services.cloudwatch.model.Metric;
import software.amazon.awssdk.services.cloudwatch.model.MetricDataQuery;
import software.amazon.awssdk.services.cloudwatch.model.MetricDataResult;
import software.amazon.awssdk.services.cloudwatch.model.MetricStat;
import software.amazon.awssdk.services.cloudwatch.model.RecentlyActive;
import software.amazon.awssdk.services.cloudwatch.model.ScanBy;
import software.amazon.awssdk.services.cloudwatch.model.StatusCode;

/**
 * The figures of every instance, from CloudWatch: ListMetrics finds the series (bounded), GetMetricData computes the
 * statistics, 500 queries per call (CloudWatch's limit), every page of each call read through the SDK's paginators.
 */
public final class CloudWatchMetricsSource implements MetricsSource {

    /** GetMetricData takes at most 500 metric queries per request. */
    static final int MAX_QUERIES_PER_REQUEST = 500;
    /** Series listed per metric at most: the dimension values are bounded sets, so more means something is wrong. */
    static final int MAX_SERIES = 1_000;
    private static final String SERVICE = "cloudwatch";

    private final CloudWatchClient client;

    public CloudWatchMetricsSource(CloudWatchClient client) {
        this.client = client;
    }

    @Override
    public String name() {
        return SERVICE;
    }

    @Override
    public SeriesList series(String namespace, String metric, Duration lookback) {
        ListMetricsRequest.Builder request = ListMetricsRequest.builder().namespace(namespace).metricName(metric);
        // ListMetrics can narrow to the last three hours only; a longer window lists everything of the last two weeks.
        if (lookback.compareTo(Duration.ofHours(3)) <= 0) {
            request.recentlyActive(RecentlyActive.PT3_H);
        }
        return call("ListMetrics " + metric, () -> {
            List<Map<String, String>> series = new ArrayList<>();
            Iterator<Metric> metrics = client.listMetricsPaginator(request.build()).metrics().iterator();
            while (metrics.hasNext() && series.size() < MAX_SERIES) {
                Map<String, String> dimensions = new LinkedHashMap<>();
                metrics.next().dimensions().forEach(d -> dimensions.put(d.name(), d.value()));
                series.add(dimensions);
            }
            return new SeriesList(series, !metrics.hasNext());
        });
    }

    @Override
    public Answers values(String namespace, List<StatQuery> queries, Instant start, Instant end) {
        int period = Math.toIntExact(Duration.between(start, end).toSeconds());
        Map<String, String> stats = new HashMap<>();
        Map<String, List<Double>> values = new HashMap<>();
        boolean complete = true;
        for (int from = 0; from < queries.size(); from += MAX_QUERIES_PER_REQUEST) {
            List<StatQuery> batch = queries.subList(from, Math.min(queries.size(), from + MAX_QUERIES_PER_REQUEST));
            batch.forEach(query -> stats.put(query.id(), query.stat()));
            GetMetricDataRequest request = GetMetricDataRequest.builder()
                    .metricDataQueries(batch.stream().map(query -> dataQuery(namespace, query, period)).toList())
                    .startTime(start).endTime(end).scanBy(ScanBy.TIMESTAMP_ASCENDING).build();
            complete &= call("GetMetricData", () -> read(request, values));
        }
        Map<String, Double> answers = new HashMap<>();
        values.forEach((id, list) -> {
            if (!list.isEmpty()) {
                answers.put(id, combine(stats.get(id), list));
            }
        });
        return new Answers(answers, complete);
    }

    /** Reads every page of one request into {@code values}; true when every result ended Complete. */
    private boolean read(GetMetricDataRequest request, Map<String, List<Double>> values) {
        Map<String, StatusCode> lastStatus = new HashMap<>();
        boolean warned = false;
        for (GetMetricDataResponse page : client.getMetricDataPaginator(request)) {
            for (MetricDataResult result : page.metricDataResults()) {
                values.computeIfAbsent(result.id(), id -> new ArrayList<>()).addAll(result.values());
                lastStatus.put(result.id(), result.statusCode());
            }
            warned |= page.hasMessages() && !page.messages().isEmpty();
        }
        return !warned && lastStatus.values().stream().allMatch(StatusCode.COMPLETE::equals);
    }

    private static MetricDataQuery dataQuery(String namespace, StatQuery query, int period) {
        List<Dimension> dimensions = query.dimensions().entrySet().stream()
                .map(d -> Dimension.builder().name(d.getKey()).value(d.getValue()).build()).toList();
        Metric metric = Metric.builder().namespace(namespace).metricName(query.metric()).dimensions(dimensions).build();
        return MetricDataQuery.builder().id(query.id()).returnData(true)
                .metricStat(MetricStat.builder().metric(metric).period(period).stat(query.stat()).build()).build();
    }

    /**
     * One value per query: the window is one period, so CloudWatch answers one datapoint. Should it split the period
     * anyway, counts add up and extremes compare; a percentile or average cannot be merged and keeps the first.
     */
    static double combine(String stat, List<Double> values) {
        return switch (stat) {
            case "Sum", "SampleCount" -> values.stream().mapToDouble(Double::doubleValue).sum();
            case "Maximum" -> values.stream().mapToDouble(Double::doubleValue).max().orElseThrow();
            case "Minimum" -> values.stream().mapToDouble(Double::doubleValue).min().orElseThrow();
            default -> values.get(0);
        };
    }

    private static <T> T call(String operation, Supplier<T> call) {
        try {
            return call.get();
        } catch (ApiCallTimeoutException | ApiCallAttemptTimeoutException e) {
            throw ExternalServiceError.timedOut(SERVICE, "metrics - CloudWatch " + operation + " did not answer in time "
                    + "(METRICS_TIMEOUT_MS)", e);
        } catch (CloudWatchException e) {
            String detail = e.awsErrorDetails() == null ? e.getMessage()
                    : e.awsErrorDetails().errorCode() + ": " + e.awsErrorDetails().errorMessage();
            throw ExternalServiceError.failed(SERVICE, null, "metrics - CloudWatch " + operation + " failed ("
                    + e.statusCode() + " " + detail + ")", e);
        } catch (SdkException e) {
            throw ExternalServiceError.failed(SERVICE, null, "metrics - CloudWatch " + operation + " failed: "
                    + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        client.close();
    }
}
