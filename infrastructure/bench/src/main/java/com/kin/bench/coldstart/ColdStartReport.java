package com.kin.bench.coldstart;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The cold start figures as a table for people and as JSON for results/. */
final class ColdStartReport {

    private final ColdStartOptions options;
    private final List<ColdStartResult> results;
    private final Instant finished;
    private final double loadAverage = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();

    ColdStartReport(ColdStartOptions options, List<ColdStartResult> results, Instant finished) {
        this.options = options;
        this.results = results;
        this.finished = finished;
    }

    String table() {
        StringBuilder out = new StringBuilder(String.format(Locale.ROOT,
                "%nCold start, process start -> first response (median of %d fresh JVMs each%s), %s, load average %.2f%n",
                options.runs(), options.full() ? "" : "; fewer than " + ColdStartOptions.FULL_RUNS + ": indicative only",
                finished, loadAverage));
        out.append(String.format(Locale.ROOT, "%-14s %12s %12s %8s %8s%n", "function", "function ms", "floor ms", "ratio",
                "<=" + ColdStartResult.TARGET_RATIO));
        for (ColdStartResult result : results) {
            out.append(String.format(Locale.ROOT, "%-14s %12.0f %12.0f %8.2f %8s%n", result.function(),
                    result.functionMedian(), result.floorMedian(), result.ratio(), result.meetsTarget() ? "yes" : "NO"));
            if (!result.functionClasses().isEmpty() && result.functionClasses().get(0) >= 0) {
                out.append(String.format(Locale.ROOT, "%-14s %12d %12d   classes loaded (median)%n", "",
                        Math.round(Stats.median(result.functionClasses().stream().map(Integer::doubleValue).toList())),
                        Math.round(Stats.median(result.floorClasses().stream().map(Integer::doubleValue).toList()))));
            }
        }
        return out.toString();
    }

    String json() {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("finished", finished.toString());
        document.put("loadAverage", loadAverage);
        document.put("runs", options.runs());
        document.put("targetRatio", ColdStartResult.TARGET_RATIO);
        document.put("functions", results.stream().map(ColdStartReport::entry).toList());
        try {
            return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(document);
        } catch (IOException e) {
            throw new UncheckedIOException("coldstart - failed to write the results as JSON", e);
        }
    }

    private static Map<String, Object> entry(ColdStartResult result) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("function", result.function());
        entry.put("functionMedianMs", result.functionMedian());
        entry.put("floorMedianMs", result.floorMedian());
        entry.put("ratio", result.ratio());
        entry.put("meetsTarget", result.meetsTarget());
        entry.put("functionMs", result.functionMs());
        entry.put("floorMs", result.floorMs());
        entry.put("functionClassesLoaded", result.functionClasses());
        entry.put("floorClassesLoaded", result.floorClasses());
        return entry;
    }
}
