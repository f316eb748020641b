package com.kin.bench.scale;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The figures as a table for people and as JSON for results/ (or --out). */
final class ScaleReport {

    private final String database;
    private final ScaleOptions options;
    private final List<ScaleResult> results;

    ScaleReport(String database, ScaleOptions options, List<ScaleResult> results) {
        this.database = database;
        this.options = options;
        this.results = List.copyOf(results);
    }

    void print(PrintStream out) {
        out.printf("%-36s %-52s %8s %8s %8s %8s %6s%n", "route", "variant", "p50 ms", "p95 ms", "p99 ms", "max ms",
                "status");
        for (ScaleResult result : results) {
            out.printf("%-36s %-52s %8.2f %8.2f %8.2f %8.2f %6d%n", result.route(), abbreviate(result.variant()),
                    result.p50(), result.p95(), result.p99(), result.max(), result.status());
            if (!result.ok()) {
                out.println("    FAILED: " + result.failure());
            }
        }
    }

    void write(Path file, Instant finished) {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("finished", finished.toString());
        document.put("database", database);
        document.put("invocations", options.invocations());
        document.put("warmUp", options.warmUp());
        document.put("loadAverage", loadAverage());
        document.put("routes", results);
        try {
            if (file.getParent() != null) {
                Files.createDirectories(file.getParent());
            }
            Files.writeString(file, new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
                    .writeValueAsString(document));
        } catch (IOException e) {
            throw new UncheckedIOException("scale bench - failed to write the results to " + file, e);
        }
    }

    /** The 1, 5 and 15 minute load averages: the machine is shared, so the figures say how busy it was. */
    static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).strip();
        } catch (IOException e) {
            return "unknown";
        }
    }

    private static String abbreviate(String text) {
        return text.length() <= 52 ? text : text.substring(0, 49) + "...";
    }
}
