package com.kin.bench.scale;

import org.HdrHistogram.Histogram;

/**
 * One route's figures in milliseconds (p50, p95, p99, max of the measured invocations), or why it could not be measured.
 * {@code status} is 200 for a measured route; a failed one carries the status seen and {@code failure}.
 */
record ScaleResult(String function, String route, String variant, long invocations, double p50, double p95,
                   double p99, double max, int status, String failure) {

    private static final double NANOS_PER_MILLI = 1_000_000.0;

    static ScaleResult of(ScaleRoute route, Histogram histogram) {
        return new ScaleResult(route.function(), route.route(), route.variant(), histogram.getTotalCount(),
                millis(histogram.getValueAtPercentile(50)), millis(histogram.getValueAtPercentile(95)),
                millis(histogram.getValueAtPercentile(99)), millis(histogram.getMaxValue()), 200, null);
    }

    static ScaleResult failed(ScaleRoute route, String failure) {
        int status = Integer.parseInt(failure.substring("status ".length(), failure.indexOf(',')));
        return new ScaleResult(route.function(), route.route(), route.variant(), 0, 0, 0, 0, 0, status, failure);
    }

    boolean ok() {
        return failure == null;
    }

    private static double millis(long nanos) {
        return Math.round(nanos / NANOS_PER_MILLI * 100) / 100.0;
    }
}
