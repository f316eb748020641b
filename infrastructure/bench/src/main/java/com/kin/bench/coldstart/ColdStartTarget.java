package com.kin.bench.coldstart;

import com.kin.bench.floor.FloorHandler;
import com.kin.local.template.FunctionSpec;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One thing whose cold start is measured: a function of the template, or its floor, with the environment it gets. */
record ColdStartTarget(String label, FunctionSpec spec, Map<String, String> environment) {

    static final String FLOOR_HANDLER = FloorHandler.class.getName() + "::handleRequest";

    /**
     * The floor of {@code function}: the same runtime, memory, JVM flags and environment (database, JAVA_TOOL_OPTIONS),
     * with the floor's task root (target/floor: its jar and its four libraries) and handler instead.
     */
    static ColdStartTarget floorOf(String shortName, FunctionSpec function, Map<String, String> environment) {
        FunctionSpec floor = new FunctionSpec("Floor" + function.logicalId(), function.functionName() + "-floor",
                FLOOR_HANDLER, floorTaskRoot(), function.runtime(), function.memoryMb(), function.timeoutSeconds(),
                Map.of(), List.of(), List.of(), null, 0, function.logFormat(), List.of());
        Map<String, String> floorEnvironment = new LinkedHashMap<>(environment);
        floorEnvironment.put("_HANDLER", FLOOR_HANDLER);
        floorEnvironment.put("AWS_LAMBDA_FUNCTION_NAME", floor.functionName());
        floorEnvironment.put("FLOOR_FUNCTION", shortName);
        return new ColdStartTarget("floor", floor, floorEnvironment);
    }

    /** target/floor next to target/classes, where the Maven build puts the floor's jar and libraries. */
    static Path floorTaskRoot() {
        try {
            Path classes = Path.of(FloorHandler.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            Path root = classes.getParent().resolve("floor");
            if (!Files.isDirectory(root.resolve("lib"))) {
                throw new IllegalStateException(root + "/lib - missing; build it: mvn -o -q -pl infrastructure/bench package -DskipTests");
            }
            return root;
        } catch (URISyntaxException e) {
            throw new IllegalStateException("coldstart - cannot locate the floor handler's classes", e);
        }
    }

    /** The same target with {@code flags} added to JAVA_TOOL_OPTIONS (diagnostics such as -Xlog:class+load). */
    ColdStartTarget withJavaToolOptions(String flags) {
        Map<String, String> changed = new LinkedHashMap<>(environment);
        changed.merge("JAVA_TOOL_OPTIONS", flags, (existing, added) -> existing + " " + added);
        return new ColdStartTarget(label, spec, changed);
    }
}
