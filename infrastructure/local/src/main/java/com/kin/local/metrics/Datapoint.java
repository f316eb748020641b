package com.kin.local.metrics;

/** The values one EMF document gives one series, with the document's timestamp (epoch milliseconds). */
record Datapoint(SeriesKey series, long timestampMillis, double[] values) {
}
