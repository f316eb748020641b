package com.kin.observability.testing;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.StreamSupport;

/** Read access to one CloudWatch Embedded Metric Format document. */
public record EmfDocument(JsonNode root) {

    private JsonNode directive() {
        return root.path("_aws").path("CloudWatchMetrics").get(0);
    }

    public String namespace() {
        return directive().path("Namespace").asText();
    }

    /** The declared dimension sets, e.g. {@code [[function], [function, route]]}. */
    public List<List<String>> dimensionSets() {
        return StreamSupport.stream(directive().path("Dimensions").spliterator(), false)
                .map(set -> StreamSupport.stream(set.spliterator(), false).map(JsonNode::asText).toList())
                .toList();
    }

    public List<String> metricNames() {
        return StreamSupport.stream(directive().path("Metrics").spliterator(), false)
                .map(metric -> metric.path("Name").asText())
                .toList();
    }

    /** The metric's definition: Name, Unit and (only for high resolution) StorageResolution. */
    public JsonNode definition(String metric) {
        return StreamSupport.stream(directive().path("Metrics").spliterator(), false)
                .filter(definition -> metric.equals(definition.path("Name").asText()))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no metric " + metric + " in " + root));
    }

    /** The metric's values: a single number or an array in EMF, always a list here. */
    public List<Double> values(String metric) {
        JsonNode value = root.path(metric);
        List<Double> values = new ArrayList<>();
        if (value.isArray()) {
            value.forEach(element -> values.add(element.asDouble()));
        } else if (value.isNumber()) {
            values.add(value.asDouble());
        }
        return values;
    }

    /** A dimension's value, or null. */
    public String dimension(String name) {
        return root.hasNonNull(name) ? root.path(name).asText() : null;
    }

    public boolean has(String metric) {
        return metricNames().contains(metric);
    }
}
