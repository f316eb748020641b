package com.kin.metrics;

import com.kin.core.validation.FieldErrors;
import com.kin.core.validation.QueryValues;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * The time range one report covers: {@code duration} back from {@code end}, which is now rounded up to the next whole
 * minute. Whole minutes because CloudWatch keeps these metrics at one-minute resolution: aligned this way, one
 * GetMetricData period covers the window exactly, and the local store answers the same minutes.
 */
public record ReportWindow(Instant start, Instant end, Duration duration) {

    private static final long MINUTE_MS = 60_000;

    /**
     * The window {@code ?window=} asks for (an ISO-8601 duration such as {@code PT15M}), or the retention when absent;
     * a 400 naming the parameter when it is malformed, not whole minutes, or longer than the retention.
     */
    static ReportWindow resolve(String window, Duration retention, Clock clock) {
        Duration duration = retention;
        if (!QueryValues.isAbsent(window)) {
            FieldErrors errors = new FieldErrors("metrics");
            duration = parse(window.strip(), retention, errors);
            errors.throwIfAny();
        }
        long now = clock.millis();
        Instant end = Instant.ofEpochMilli(Math.floorDiv(now + MINUTE_MS - 1, MINUTE_MS) * MINUTE_MS);
        return new ReportWindow(end.minus(duration), end, duration);
    }

    private static Duration parse(String window, Duration retention, FieldErrors errors) {
        String rule = "must be whole minutes from PT1M to " + retention + " (METRICS_RETENTION_TIME), e.g. PT15M";
        try {
            Duration duration = Duration.parse(window);
            boolean wholeMinutes = duration.getNano() == 0 && duration.getSeconds() % 60 == 0;
            if (wholeMinutes && duration.toMinutes() >= 1 && duration.compareTo(retention) <= 0) {
                return duration;
            }
            errors.add("window", rule);
        } catch (DateTimeParseException e) {
            errors.add("window", "must be an ISO-8601 duration; " + rule);
        }
        return null;
    }
}
