package com.kin.metrics;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * CloudWatch's ListMetrics and GetMetricData behind WireMock, on the wire protocol the SDK 2.40.2 CloudWatch client
 * speaks: AWS Query (a form-encoded POST with {@code Action} and {@code Version=2010-08-01}) answered with XML. It holds
 * series and their statistics as a test sets them, pages its answers with NextToken, refuses more than 500 queries per
 * GetMetricData as CloudWatch does, and records every request's form and signature.
 */
final class FakeCloudWatch implements ResponseDefinitionTransformerV2 {

    static final String NAME = "fake-cloudwatch";
    private static final String XMLNS = "http://monitoring.amazonaws.com/doc/2010-08-01/";

    private record Series(String metric, Map<String, String> dimensions) {
    }

    /** One request as received: its form fields and Authorization header. */
    record Received(Map<String, String> form, String authorization) {
        String action() {
            return form.get("Action");
        }
    }

    private final Map<Series, Map<String, Double>> figures = new LinkedHashMap<>();
    private final Set<String> failingMetrics = new HashSet<>();
    final List<Received> received = new CopyOnWriteArrayList<>();
    int listPageSize = 500;
    int dataPageSize = 500;
    boolean denyAccess;

    /** A series ListMetrics lists, with no data unless {@link #figure} gives it some. */
    FakeCloudWatch series(String metric, Map<String, String> dimensions) {
        figures.computeIfAbsent(new Series(metric, new TreeMap<>(dimensions)), s -> new LinkedHashMap<>());
        return this;
    }

    FakeCloudWatch figure(String metric, Map<String, String> dimensions, String stat, double value) {
        series(metric, dimensions);
        figures.get(new Series(metric, new TreeMap<>(dimensions))).put(stat, value);
        return this;
    }

    /** GetMetricData answers this metric's queries with StatusCode InternalError and no values. */
    FakeCloudWatch failing(String metric) {
        failingMetrics.add(metric);
        return this;
    }

    List<Received> received(String action) {
        return received.stream().filter(r -> action.equals(r.action())).toList();
    }

    @Override
    public String getName() {
        return NAME;
    }

    @Override
    public ResponseDefinition transform(ServeEvent event) {
        Map<String, String> form = decode(event.getRequest().getBodyAsString());
        received.add(new Received(form, event.getRequest().getHeader("Authorization")));
        if (denyAccess) {
            return error(403, "AccessDenied", "User: arn:aws:sts::000000000000:assumed-role/kin-metrics is not "
                    + "authorized to perform: cloudwatch:" + form.get("Action"));
        }
        if (!"2010-08-01".equals(form.get("Version"))) {
            return error(400, "InvalidAction", "unsupported version " + form.get("Version"));
        }
        return switch (String.valueOf(form.get("Action"))) {
            case "ListMetrics" -> listMetrics(form);
            case "GetMetricData" -> getMetricData(form);
            default -> error(400, "InvalidAction", "unknown action " + form.get("Action"));
        };
    }

    private ResponseDefinition listMetrics(Map<String, String> form) {
        List<Series> matching = figures.keySet().stream().filter(s -> s.metric().equals(form.get("MetricName"))).toList();
        int from = form.containsKey("NextToken") ? Integer.parseInt(form.get("NextToken")) : 0;
        int to = Math.min(matching.size(), from + listPageSize);
        StringBuilder xml = new StringBuilder("<ListMetricsResponse xmlns=\"" + XMLNS + "\"><ListMetricsResult><Metrics>");
        for (Series series : matching.subList(from, to)) {
            xml.append("<member><Namespace>").append(escape(form.get("Namespace"))).append("</Namespace><MetricName>")
                    .append(escape(series.metric())).append("</MetricName><Dimensions>");
            series.dimensions().forEach((name, value) -> xml.append("<member><Name>").append(escape(name))
                    .append("</Name><Value>").append(escape(value)).append("</Value></member>"));
            xml.append("</Dimensions></member>");
        }
        xml.append("</Metrics>");
        if (to < matching.size()) {
            xml.append("<NextToken>").append(to).append("</NextToken>");
        }
        return ok(xml.append("</ListMetricsResult>").append(metadata()).append("</ListMetricsResponse>"));
    }

    private ResponseDefinition getMetricData(Map<String, String> form) {
        List<String> results = new ArrayList<>();
        for (int n = 1; form.containsKey(query(n, "Id")); n++) {
            if (n > 500) {
                return error(400, "ValidationError", "The collection MetricDataQueries must not have a size greater "
                        + "than 500.");
            }
            results.add(result(form, n));
        }
        int from = form.containsKey("NextToken") ? Integer.parseInt(form.get("NextToken")) : 0;
        int to = Math.min(results.size(), from + dataPageSize);
        StringBuilder xml = new StringBuilder("<GetMetricDataResponse xmlns=\"" + XMLNS + "\"><GetMetricDataResult>"
                + "<MetricDataResults>");
        results.subList(from, to).forEach(xml::append);
        xml.append("</MetricDataResults><Messages/>");
        if (to < results.size()) {
            xml.append("<NextToken>").append(to).append("</NextToken>");
        }
        return ok(xml.append("</GetMetricDataResult>").append(metadata()).append("</GetMetricDataResponse>"));
    }

    private String result(Map<String, String> form, int n) {
        String metric = form.get(query(n, "MetricStat.Metric.MetricName"));
        Map<String, String> dimensions = new TreeMap<>();
        for (int m = 1; form.containsKey(query(n, "MetricStat.Metric.Dimensions.member." + m + ".Name")); m++) {
            dimensions.put(form.get(query(n, "MetricStat.Metric.Dimensions.member." + m + ".Name")),
                    form.get(query(n, "MetricStat.Metric.Dimensions.member." + m + ".Value")));
        }
        Double value = figures.getOrDefault(new Series(metric, dimensions), Map.of())
                .get(form.get(query(n, "MetricStat.Stat")));
        boolean failing = failingMetrics.contains(metric);
        StringBuilder xml = new StringBuilder("<member><Id>").append(escape(form.get(query(n, "Id"))))
                .append("</Id><Label>").append(escape(metric)).append("</Label><Timestamps>");
        if (value != null && !failing) {
            xml.append("<member>").append(form.get("StartTime")).append("</member>");
        }
        xml.append("</Timestamps><Values>");
        if (value != null && !failing) {
            xml.append("<member>").append(value).append("</member>");
        }
        return xml.append("</Values><StatusCode>").append(failing ? "InternalError" : "Complete")
                .append("</StatusCode></member>").toString();
    }

    private static String query(int n, String field) {
        return "MetricDataQueries.member." + n + "." + field;
    }

    private static ResponseDefinition ok(CharSequence xml) {
        return new ResponseDefinitionBuilder().withStatus(200).withHeader("Content-Type", "text/xml")
                .withBody(xml.toString()).build();
    }

    private static ResponseDefinition error(int status, String code, String message) {
        return new ResponseDefinitionBuilder().withStatus(status).withHeader("Content-Type", "text/xml")
                .withBody("<ErrorResponse xmlns=\"" + XMLNS + "\"><Error><Type>Sender</Type><Code>" + code
                        + "</Code><Message>" + escape(message) + "</Message></Error><RequestId>" + UUID.randomUUID()
                        + "</RequestId></ErrorResponse>").build();
    }

    private static String metadata() {
        return "<ResponseMetadata><RequestId>" + UUID.randomUUID() + "</RequestId></ResponseMetadata>";
    }

    private static Map<String, String> decode(String body) {
        Map<String, String> form = new LinkedHashMap<>();
        for (String pair : body.split("&")) {
            int equals = pair.indexOf('=');
            if (equals > 0) {
                form.put(URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
            }
        }
        return form;
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
