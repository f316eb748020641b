package com.kin.templatecheck;

import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The metric names and dimension names the code emits in namespace KIN, read from the sources: the constants of
 * kin-observability's {@code MetricNames} / {@code MetricDimensions}, and the literal names kin-cache passes to
 * {@code MetricsRecorder.count / millis} (it does not use the constants).
 */
public final class EmittedMetrics {

    private static final Pattern CONSTANT = Pattern.compile("static final String \\w+\\s*=\\s*\"(\\w+)\"");
    private static final Pattern RECORDED = Pattern.compile("\\.(?:count|millis)\\(\\s*\"(\\w+)\"");
    private static final Pattern RECORDED_BY_HELPER = Pattern.compile("record\\(\\s*\"(\\w+)\"");
    private static final String METRICS_PACKAGE = "shared/observability/src/main/java/com/kin/observability/metrics/";

    private final Set<String> names;
    private final Set<String> dimensions;

    private EmittedMetrics(Set<String> names, Set<String> dimensions) {
        this.names = names;
        this.dimensions = dimensions;
    }

    public static EmittedMetrics read(Path root) {
        Set<String> names = new TreeSet<>(matches(CONSTANT,
                ConfigKeyScanner.read(root.resolve(METRICS_PACKAGE + "MetricNames.java"))));
        String cache = ConfigKeyScanner.scanText(root.resolve("shared/cache/src/main/java"));
        names.addAll(matches(RECORDED, cache));
        names.addAll(matches(RECORDED_BY_HELPER, cache));
        Set<String> dimensions = new TreeSet<>(matches(CONSTANT,
                ConfigKeyScanner.read(root.resolve(METRICS_PACKAGE + "MetricDimensions.java"))));
        return new EmittedMetrics(Set.copyOf(names), Set.copyOf(dimensions));
    }

    public Set<String> names() {
        return names;
    }

    public Set<String> dimensions() {
        return dimensions;
    }

    static Set<String> matches(Pattern pattern, String text) {
        Set<String> found = new TreeSet<>();
        Matcher matcher = pattern.matcher(text);
        while (matcher.find()) {
            found.add(matcher.group(1));
        }
        return found;
    }
}
