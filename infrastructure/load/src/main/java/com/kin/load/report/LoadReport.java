package com.kin.load.report;

import java.util.List;
import java.util.Map;

/**
 * The results of one {@code ./kin load} run, as written to JSON: what ran, totals, each route, errors, cache tiers, SQL
 * counters, the per-second timeline and the table of targets. Latencies are milliseconds from the intended start.
 */
public record LoadReport(Run run, Totals totals, List<RouteResult> routes, Map<String, Long> errorsByStatus,
                         CacheResult cache, SqlResult sql, List<FunctionMemory> memory, List<SecondResult> timeline,
                         List<TargetResult> targets) {

    /**
     * The run's settings and the machine it ran on (load average before and after: this machine is shared);
     * {@code mixByRole} is each role's share of draws per route, in percent, before fallbacks.
     */
    public record Run(String startedAt, String finishedAt, int users, Map<String, Integer> usersByRole, int accounts,
                      String ratePerUser, String duration, String warmUp, String drain, long maxRequests,
                      int connections, double jitter, String api, long randomSeed,
                      Map<String, Map<String, Double>> mixByRole,
                      Machine machine, String method) {
    }

    public record Machine(int cores, double loadAverageBefore, double loadAverageAfter, String java, String os) {
    }

    /**
     * @param planned       requests the schedule held for the measured duration
     * @param unfinished    sent or queued but without an answer when the drain ended (counted as errors)
     * @param notSent       scheduled but not sent because --max-requests was reached
     * @param sendDelay     how late requests left the tool (in-flight limit, scheduler): part of {@code latency}
     * @param seconds       from the start of the measured window to the last answer: throughputPerSecond's divisor
     * @param perUserPerMinute answers per user per minute of the measured window (the offered rate, if all came back)
     */
    public record Totals(long planned, long completed, long errors, long unfinished, long notSent, double seconds,
                         double throughputPerSecond, double perUserPerMinute, Latency latency, Latency sendDelay,
                         int maxInFlight) {
    }

    public record Latency(long count, double p50, double p95, double p99, double max, double mean) {
    }

    public record RouteResult(String route, long requests, long errors, Map<String, Long> statuses, Latency latency,
                              CacheCounts cache) {
    }

    /** {@code hitRate} is (l1 + l2) / (l1 + l2 + miss), null when the route answers no x-cache. */
    public record CacheCounts(long l1, long l2, long miss, Double hitRate) {
    }

    /** Over every response that carried x-cache; latencies split by hit (l1/l2) and the rest (miss, writes, webhooks). */
    public record CacheResult(long l1, long l2, long miss, Double hitRate, Double l1Share, Double l2Share,
                              Double missShare, Latency cachedLatency, Latency uncachedLatency) {
    }

    /**
     * SQL work during the measured window, from Postgres's own counters read before and after over the runtime's JDBC
     * URL. {@code statements} is from pg_stat_statements when the server has it loaded, else null; transactions and
     * rows are from pg_stat_database for the database.
     */
    public record SqlResult(String source, Long statements, Double statementsPerMinute, long transactions,
                            double transactionsPerMinute, long rowsRead, long rowsWritten, double minutes,
                            String meaning) {
    }

    /**
     * One second of the measured window: requests scheduled to start in it, answers that arrived in it, and the errors
     * and latency of the answered requests that were meant to start in it.
     */
    public record SecondResult(int second, long started, long completed, long errors, double p50, double p99) {
    }

    public record TargetResult(String source, String target, String threshold, String measured, boolean met) {
    }
}
