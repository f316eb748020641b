package com.kin.templatecheck;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The metric names and dimension names one function records in namespace KIN, read from the main sources of the
 * modules on its run-time class path ({@link ModuleGraph}).
 *
 * <p>A name counts when main code records it - {@code metrics.count(...)} / {@code recorder.millis(...)} (and kin-cache's
 * {@code record("...")} helper) with a literal, a {@code MetricNames} constant or a constant of the module - not when it
 * is merely declared in {@code MetricNames}. Some modules record only when the function calls into them a certain way;
 * {@link #TRIGGERS} says which, so that a module on the class path does not vouch for a metric its function never
 * causes (the bulk SMS worker carries kin-cache but only invalidates: it records no CacheHit).
 */
public final class EmittedMetrics {

    /** Names a module records only when the function's code does something; checked against the sources. */
    record Trigger(String module, Set<String> names, String why, Pattern inFunctionCode) {
    }

    static final List<Trigger> TRIGGERS = List.of(
            new Trigger("kin-observability", Set.of("RequestLatency", "RequestCount", "Request4xx", "Request5xx"),
                    "the request filter runs for HTTP requests only: the function has a @Controller",
                    Pattern.compile("@Controller\\b")),
            new Trigger("kin-observability", Set.of("ColdStart"),
                    "counted by the request filter, or by InvocationObservability for other events",
                    Pattern.compile("@Controller\\b|\\bInvocationObservability\\b")),
            new Trigger("kin-cache", Set.of("CacheHit", "CacheMiss", "CacheLatency", "CacheLoadLatency", "CacheDropped"),
                    "recorded on reads: the function reads through TwoTierCache.get",
                    Pattern.compile("(?s)\\bTwoTierCache\\s+(\\w+)\\s*[;,)=].*\\b\\1\\.get\\(")));

    private static final Pattern CONSTANT = Pattern.compile(
            "static final String (\\w+)\\s*=\\s*(?:\"(\\w+)\"|MetricNames\\.(\\w+))\\s*;");
    private static final Pattern RECORDING = Pattern.compile(
            "\\b(?:metrics|recorder)\\.(?:count|millis)\\(\\s*(\"\\w+\"|MetricNames\\.\\w+|\\w+)\\s*,"
                    + "|\\brecord\\(\\s*(\"\\w+\")\\s*,");
    private static final Pattern MAP_OF = Pattern.compile("\\bMap\\.of\\(");
    private static final Pattern DIMENSION_CONSTANT = Pattern.compile("\\bMetricDimensions\\.(\\w+)\\b");
    static final String METRICS_PACKAGE = "shared/observability/src/main/java/com/kin/observability/metrics/";

    private final Set<String> names;
    private final Set<String> dimensions;

    private EmittedMetrics(Set<String> names, Set<String> dimensions) {
        this.names = Set.copyOf(names);
        this.dimensions = Set.copyOf(dimensions);
    }

    /** What the function whose module is {@code moduleDir} records. */
    public static EmittedMetrics forFunction(Path root, ModuleGraph modules, String moduleDir) {
        Constants constants = Constants.read(root);
        List<ModuleGraph.Module> classPath = modules.withRuntimeDependencies(moduleDir);
        Set<String> names = new TreeSet<>();
        Set<String> dimensions = new TreeSet<>(Set.of("function"));
        for (ModuleGraph.Module module : classPath) {
            String code = ConfigKeyScanner.scanText(sources(root, module));
            Set<String> recorded = recorded(code, constants);
            untriggered(module, classPath, root).forEach(recorded::removeAll);
            names.addAll(recorded);
            if (!recorded.isEmpty()) {
                dimensions.addAll(dimensionsIn(code, constants));
            }
        }
        return new EmittedMetrics(names, dimensions);
    }

    /** Every name main code records, in any module: the names that are more than a declaration. */
    public static Set<String> recordedAnywhere(Path root, ModuleGraph modules) {
        Constants constants = Constants.read(root);
        Set<String> names = new TreeSet<>();
        modules.all().forEach(module -> names.addAll(recorded(ConfigKeyScanner.scanText(sources(root, module)),
                constants)));
        return names;
    }

    /** The values of {@code MetricNames}' constants. */
    public static Set<String> declared(Path root) {
        return new TreeSet<>(Constants.read(root).metricNames.values());
    }

    public Set<String> names() {
        return names;
    }

    public Set<String> dimensions() {
        return dimensions;
    }

    /** The names of the triggers of {@code module} that the function's code does not fire. */
    private static List<Set<String>> untriggered(ModuleGraph.Module module, List<ModuleGraph.Module> classPath,
                                                 Path root) {
        return TRIGGERS.stream().filter(trigger -> trigger.module().equals(module.artifactId()))
                .filter(trigger -> classPath.stream().filter(other -> !other.artifactId().equals(trigger.module()))
                        .flatMap(other -> ConfigKeyScanner.sourceTexts(sources(root, other)).stream())
                        .noneMatch(file -> trigger.inFunctionCode().matcher(file).find()))
                .map(Trigger::names).toList();
    }

    static Set<String> recorded(String code, Constants constants) {
        Map<String, String> local = new HashMap<>(constants.metricNames);
        Matcher constant = CONSTANT.matcher(code);
        while (constant.find()) {
            local.putIfAbsent(constant.group(1), constant.group(2) != null ? constant.group(2)
                    : constants.metricNames.get(constant.group(3)));
        }
        Set<String> names = new TreeSet<>();
        Matcher call = RECORDING.matcher(code);
        while (call.find()) {
            String argument = call.group(1) != null ? call.group(1) : call.group(2);
            if (argument.startsWith("\"")) {
                names.add(argument.substring(1, argument.length() - 1));
            } else {
                String name = local.get(argument.replace("MetricNames.", ""));
                if (name != null) {
                    names.add(name);
                }
            }
        }
        return names;
    }

    /** Dimension names in the code: MetricDimensions constants, and the string keys of its Map.of(...) calls. */
    static Set<String> dimensionsIn(String code, Constants constants) {
        Set<String> found = new TreeSet<>();
        Matcher constant = DIMENSION_CONSTANT.matcher(code);
        while (constant.find()) {
            String value = constants.dimensions.get(constant.group(1));
            if (value != null) {
                found.add(value);
            }
        }
        Matcher map = MAP_OF.matcher(code);
        while (map.find()) {
            List<String> parts;
            try {
                parts = ConfigKeyScanner.topLevelParts(code, map.end());
            } catch (IllegalArgumentException e) {
                continue; // a Map.of this reader cannot split (a comparison in an argument) names no dimension it needs
            }
            for (int i = 0; i < parts.size(); i += 2) {
                if (parts.get(i).matches("\"\\w+\"")) {
                    found.add(parts.get(i).substring(1, parts.get(i).length() - 1));
                }
            }
        }
        return found;
    }

    private static Path sources(Path root, ModuleGraph.Module module) {
        return root.resolve(module.dir()).resolve("src/main/java");
    }

    /** MetricNames' and MetricDimensions' constants: name to value. */
    record Constants(Map<String, String> metricNames, Map<String, String> dimensions) {
        private static final Pattern DECLARED = Pattern.compile("static final String (\\w+)\\s*=\\s*\"(\\w+)\"");

        static Constants read(Path root) {
            return new Constants(declaredIn(root.resolve(METRICS_PACKAGE + "MetricNames.java")),
                    declaredIn(root.resolve(METRICS_PACKAGE + "MetricDimensions.java")));
        }

        private static Map<String, String> declaredIn(Path file) {
            Map<String, String> values = new HashMap<>();
            Matcher matcher = DECLARED.matcher(ConfigKeyScanner.read(file));
            while (matcher.find()) {
                values.put(matcher.group(1), matcher.group(2));
            }
            return values;
        }
    }
}
