package com.kin.load.traffic;

import com.kin.load.report.FunctionMemory;
import com.kin.local.lambda.PeakMemory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The local runtime's function JVMs on this machine, found in Linux's /proc by the variables Lambda sets in every
 * execution environment ({@code AWS_LAMBDA_FUNCTION_NAME}, {@code AWS_LAMBDA_FUNCTION_MEMORY_SIZE},
 * {@code AWS_LAMBDA_RUNTIME_API}), with their peak resident memory. Empty where there is no /proc; every local platform
 * on the machine is counted, so run one at a time when measuring.
 */
public final class FunctionProcesses {

    private final Path proc;

    public FunctionProcesses(Path proc) {
        this.proc = proc;
    }

    public static FunctionProcesses ofThisMachine() {
        return new FunctionProcesses(Path.of("/proc"));
    }

    /** One line per function, by name: its instance count, their highest peak RSS and its memory size. */
    public List<FunctionMemory> memory() {
        Map<String, List<Instance>> byFunction = new TreeMap<>();
        try (Stream<Path> entries = Files.list(proc)) {
            entries.filter(entry -> entry.getFileName().toString().chars().allMatch(Character::isDigit))
                    .map(this::instance).flatMap(Optional::stream)
                    .forEach(instance -> byFunction.computeIfAbsent(instance.function(), f -> new ArrayList<>()).add(instance));
        } catch (IOException e) {
            return List.of();
        }
        List<FunctionMemory> memory = new ArrayList<>();
        byFunction.forEach((function, instances) -> memory.add(new FunctionMemory(function, instances.size(),
                instances.stream().mapToLong(Instance::peakRssMb).max().orElse(0), instances.get(0).memorySizeMb())));
        return memory;
    }

    private record Instance(String function, long memorySizeMb, long peakRssMb) {
    }

    private Optional<Instance> instance(Path process) {
        try {
            Map<String, String> environment = environment(Files.readAllBytes(process.resolve("environ")));
            String function = environment.get("AWS_LAMBDA_FUNCTION_NAME");
            String memorySize = environment.get("AWS_LAMBDA_FUNCTION_MEMORY_SIZE");
            OptionalLong peak = PeakMemory.fromStatus(Files.readAllLines(process.resolve("status")));
            if (function == null || memorySize == null || !environment.containsKey("AWS_LAMBDA_RUNTIME_API")
                    || peak.isEmpty()) {
                return Optional.empty();
            }
            return Optional.of(new Instance(function, Long.parseLong(memorySize.trim()), peak.getAsLong()));
        } catch (IOException | NumberFormatException | SecurityException e) {
            // Another user's process, or one that just ended: not ours to count.
            return Optional.empty();
        }
    }

    static Map<String, String> environment(byte[] environ) {
        Map<String, String> environment = new HashMap<>();
        for (String entry : new String(environ, StandardCharsets.UTF_8).split("\0")) {
            int equals = entry.indexOf('=');
            if (equals > 0) {
                environment.put(entry.substring(0, equals), entry.substring(equals + 1));
            }
        }
        return environment;
    }
}
