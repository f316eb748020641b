package com.kin.bench.coldstart;

import java.util.Arrays;
import java.util.List;

/** The figures of a cold start comparison: medians of the samples and the function-to-floor ratio. */
public final class Stats {

    private Stats() {
    }

    /** The median; for an even count, the mean of the two middle samples. */
    public static double median(List<Double> samples) {
        if (samples.isEmpty()) {
            throw new IllegalArgumentException("median - no samples");
        }
        double[] sorted = samples.stream().mapToDouble(Double::doubleValue).toArray();
        Arrays.sort(sorted);
        int middle = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    /** {@code function / floor}: how many times the floor the function takes. */
    public static double ratio(double function, double floor) {
        if (floor <= 0) {
            throw new IllegalArgumentException("ratio - the floor must be positive, got " + floor);
        }
        return function / floor;
    }

    public static double min(List<Double> samples) {
        return samples.stream().mapToDouble(Double::doubleValue).min()
                .orElseThrow(() -> new IllegalArgumentException("min - no samples"));
    }

    public static double max(List<Double> samples) {
        return samples.stream().mapToDouble(Double::doubleValue).max()
                .orElseThrow(() -> new IllegalArgumentException("max - no samples"));
    }
}
