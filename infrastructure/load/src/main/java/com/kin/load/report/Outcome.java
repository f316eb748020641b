package com.kin.load.report;

/**
 * How one request ended. Times are {@link System#nanoTime()}: {@code intended} is when the schedule meant it to start,
 * {@code sent} when it left the tool, {@code end} when its whole response had arrived. {@code status} is the HTTP status,
 * or 0 when there was none ({@code failure} then says why: timeout, connect, io). {@code cache} is the x-cache header.
 */
public record Outcome(String route, long intended, long sent, long end, int status, String failure, String cache) {

    public boolean isError() {
        return status == 0 || status >= 400;
    }

    /** What errors are counted by: the status code, or the failure's kind. */
    public String statusKey() {
        return status == 0 ? failure : String.valueOf(status);
    }

    public long latencyNanos() {
        return end - intended;
    }
}
