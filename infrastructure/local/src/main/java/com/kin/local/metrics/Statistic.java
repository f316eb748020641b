package com.kin.local.metrics;

import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A CloudWatch statistic computed over raw values: {@code SampleCount}, {@code Sum}, {@code Average}, {@code Minimum},
 * {@code Maximum} or a percentile {@code pNN} / {@code pNN.N}. CloudWatch estimates percentiles; here every value is at
 * hand, so a percentile is exact: the nearest-rank value (the smallest value at or above which lie p % of the values).
 */
record Statistic(String name, double percentile) {

    private static final Pattern PERCENTILE = Pattern.compile("p(\\d{1,2}(?:\\.\\d{1,3})?|100)");

    /** The statistic CloudWatch names {@code name}; IllegalArgumentException for one this store cannot compute. */
    static Statistic parse(String name) {
        if (name == null) {
            throw new IllegalArgumentException("stat - missing");
        }
        switch (name) {
            case "SampleCount", "Sum", "Average", "Minimum", "Maximum" -> {
                return new Statistic(name, Double.NaN);
            }
            default -> {
                Matcher matcher = PERCENTILE.matcher(name);
                if (!matcher.matches() || Double.parseDouble(matcher.group(1)) <= 0) {
                    throw new IllegalArgumentException("stat - '" + name + "' is none of SampleCount, Sum, Average, "
                            + "Minimum, Maximum, p0.1..p100");
                }
                return new Statistic(name, Double.parseDouble(matcher.group(1)));
            }
        }
    }

    /** The statistic of {@code count} values (the array may be longer); null when there are none. */
    Double of(double[] values, int count) {
        if (count == 0) {
            return null;
        }
        return switch (name) {
            case "SampleCount" -> (double) count;
            case "Sum" -> sum(values, count);
            case "Average" -> sum(values, count) / count;
            case "Minimum" -> Arrays.stream(values, 0, count).min().orElseThrow();
            case "Maximum" -> Arrays.stream(values, 0, count).max().orElseThrow();
            default -> nearestRank(values, count);
        };
    }

    private double nearestRank(double[] values, int count) {
        double[] sorted = Arrays.copyOf(values, count);
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(percentile / 100.0 * count);
        return sorted[Math.max(0, Math.min(count, rank) - 1)];
    }

    private static double sum(double[] values, int count) {
        double sum = 0;
        for (int i = 0; i < count; i++) {
            sum += values[i];
        }
        return sum;
    }
}
