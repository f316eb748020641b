package com.kin.templatecheck;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Environment variables main code reads by name, past Micronaut's configuration binding (which
 * {@link ConfigKeyScanner} covers): {@code System.getenv("X")}, {@code System.getenv().get/getOrDefault("X", ...)} in
 * {@code src/main/java}, and Log4j's {@code ${env:X}} lookups and {@code EnvironmentArbiter propertyName="X"} in
 * {@code src/main/resources}.
 */
public final class DirectEnvironmentReads {

    /** Reserved variables the Lambda runtime sets in every function (AWS Lambda developer guide, "Defined runtime
     *  environment variables"), beyond {@link RequiredEnvironment#SET_BY_LAMBDA}. */
    public static final Set<String> SET_BY_LAMBDA_RUNTIME = Set.of("_HANDLER", "AWS_EXECUTION_ENV",
            "AWS_LAMBDA_LOG_LEVEL", "AWS_LAMBDA_LOG_FORMAT", "LAMBDA_TASK_ROOT", "_X_AMZN_TRACE_ID");

    private static final List<Pattern> IN_JAVA = List.of(
            Pattern.compile("System\\.getenv\\s*\\(\\s*\"(\\w+)\"\\s*\\)"),
            Pattern.compile("System\\.getenv\\s*\\(\\s*\\)\\s*\\.\\s*(?:get|getOrDefault|containsKey)\\(\\s*\"(\\w+)\""));
    private static final List<Pattern> IN_RESOURCES = List.of(
            Pattern.compile("\\$\\{env:(\\w+)"),
            Pattern.compile("<EnvironmentArbiter[^>]*\\bpropertyName=\"(\\w+)\""));

    private DirectEnvironmentReads() {
    }

    /** Variable to where it is read ({@code artifactId: file}), for the modules given. */
    public static Map<String, String> of(Path root, List<ModuleGraph.Module> modules) {
        Map<String, String> reads = new TreeMap<>();
        for (ModuleGraph.Module module : modules) {
            Path main = root.resolve(module.dir()).resolve("src/main");
            files(main.resolve("java")).forEach(file -> readsIn(ConfigKeyScanner.read(file), IN_JAVA)
                    .forEach(variable -> reads.putIfAbsent(variable, where(module, main, file))));
            files(main.resolve("resources")).forEach(file -> readsIn(ConfigKeyScanner.read(file), IN_RESOURCES)
                    .forEach(variable -> reads.putIfAbsent(variable, where(module, main, file))));
        }
        return reads;
    }

    static List<String> readsIn(String text, List<Pattern> patterns) {
        return patterns.stream().flatMap(pattern -> {
            Matcher matcher = pattern.matcher(text);
            Stream.Builder<String> found = Stream.builder();
            while (matcher.find()) {
                found.add(matcher.group(1));
            }
            return found.build();
        }).toList();
    }

    static List<String> javaReads(String text) {
        return readsIn(text, IN_JAVA);
    }

    static List<String> resourceReads(String text) {
        return readsIn(text, IN_RESOURCES);
    }

    private static String where(ModuleGraph.Module module, Path main, Path file) {
        return module.artifactId() + ": " + main.relativize(file);
    }

    private static List<Path> files(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).filter(file -> file.toString().matches(
                    ".*\\.(java|xml|properties|ya?ml|json)$")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("template-check - cannot list " + dir, e);
        }
    }
}
