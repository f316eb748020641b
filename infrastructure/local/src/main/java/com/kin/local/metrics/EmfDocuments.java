package com.kin.local.metrics;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads CloudWatch Embedded Metric Format documents from a function's stdout the way CloudWatch Logs does: every
 * metric of a directive is recorded once per dimension set of that directive, with the dimension values taken from
 * the document's top-level members. A line that is not an EMF document is not one; a malformed document is refused.
 */
final class EmfDocuments {

    private static final ObjectMapper JSON = new ObjectMapper();

    private EmfDocuments() {
    }

    /** Cheap pre-check run on every log line: only JSON objects that name the {@code _aws} member are parsed. */
    static boolean looksLikeEmf(String line) {
        return line.startsWith("{") && line.contains("\"_aws\"");
    }

    /**
     * The datapoints of one line; empty when the line is not EMF.
     *
     * @throws IllegalArgumentException when the line claims to be EMF but breaks the format
     */
    static List<Datapoint> parse(String line) {
        if (!looksLikeEmf(line)) {
            return List.of();
        }
        JsonNode root = read(line).orElse(null);
        JsonNode metadata = root == null ? null : root.get("_aws");
        if (metadata == null || !metadata.path("Timestamp").canConvertToLong()
                || !metadata.path("CloudWatchMetrics").isArray()) {
            throw new IllegalArgumentException("emf - not an EMF document (no _aws.Timestamp or CloudWatchMetrics)");
        }
        long timestamp = metadata.path("Timestamp").asLong();
        List<Datapoint> datapoints = new ArrayList<>();
        for (JsonNode directive : metadata.get("CloudWatchMetrics")) {
            String namespace = directive.path("Namespace").asText(null);
            if (namespace == null || !directive.path("Metrics").isArray() || !directive.path("Dimensions").isArray()) {
                throw new IllegalArgumentException("emf - a directive lacks Namespace, Metrics or Dimensions");
            }
            for (JsonNode dimensionSet : directive.get("Dimensions")) {
                Map<String, String> dimensions = dimensionValues(root, dimensionSet);
                for (JsonNode metric : directive.get("Metrics")) {
                    String name = metric.path("Name").asText(null);
                    double[] values = values(root.get(name));
                    if (name != null && values.length > 0) {
                        datapoints.add(new Datapoint(new SeriesKey(namespace, name, dimensions), timestamp, values));
                    }
                }
            }
        }
        return datapoints;
    }

    private static Optional<JsonNode> read(String line) {
        try {
            JsonNode node = JSON.readTree(line);
            return node != null && node.isObject() ? Optional.of(node) : Optional.empty();
        } catch (JsonProcessingException e) {
            return Optional.empty();
        }
    }

    private static Map<String, String> dimensionValues(JsonNode root, JsonNode dimensionSet) {
        Map<String, String> dimensions = new LinkedHashMap<>();
        for (JsonNode name : dimensionSet) {
            JsonNode value = root.get(name.asText());
            if (value == null || !value.isValueNode()) {
                throw new IllegalArgumentException("emf - dimension " + name.asText() + " has no value in the document");
            }
            dimensions.put(name.asText(), value.asText());
        }
        return dimensions;
    }

    /** A member is one number or an array of numbers; anything else carries no value. */
    private static double[] values(JsonNode member) {
        if (member == null) {
            return new double[0];
        }
        if (member.isNumber()) {
            return new double[] {member.asDouble()};
        }
        if (!member.isArray()) {
            return new double[0];
        }
        double[] values = new double[member.size()];
        int count = 0;
        for (JsonNode value : member) {
            if (value.isNumber()) {
                values[count++] = value.asDouble();
            }
        }
        return count == values.length ? values : java.util.Arrays.copyOf(values, count);
    }
}
