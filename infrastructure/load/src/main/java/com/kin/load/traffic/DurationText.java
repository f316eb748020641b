package com.kin.load.traffic;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Durations as options spell them: {@code 30s}, {@code 5m}, {@code 1m30s}, {@code 500ms}, {@code 1h}, or ISO {@code PT30S}. */
public final class DurationText {

    private static final Pattern WHOLE = Pattern.compile("(\\d+(ms|h|m|s))+");
    private static final Pattern PART = Pattern.compile("(\\d+)(ms|h|m|s)");

    private DurationText() {
    }

    public static Duration parse(String option, String text) {
        String value = text.trim().toLowerCase(Locale.ROOT);
        if (value.startsWith("pt")) {
            try {
                return Duration.parse(value.toUpperCase(Locale.ROOT));
            } catch (DateTimeParseException e) {
                throw invalid(option, text);
            }
        }
        if (!WHOLE.matcher(value).matches()) {
            throw invalid(option, text);
        }
        Duration total = Duration.ZERO;
        Matcher part = PART.matcher(value);
        while (part.find()) {
            long amount = Long.parseLong(part.group(1));
            total = total.plus(switch (part.group(2)) {
                case "ms" -> Duration.ofMillis(amount);
                case "s" -> Duration.ofSeconds(amount);
                case "m" -> Duration.ofMinutes(amount);
                default -> Duration.ofHours(amount);
            });
        }
        return total;
    }

    /** Short text for reports: 30s, 5m, 1m30s, 500ms. */
    public static String format(Duration duration) {
        if (duration.toMillisPart() != 0 || duration.isZero()) {
            return duration.toMillis() + (duration.toMillis() == 0 ? "s" : "ms");
        }
        StringBuilder text = new StringBuilder();
        if (duration.toHours() > 0) {
            text.append(duration.toHours()).append('h');
        }
        if (duration.toMinutesPart() > 0) {
            text.append(duration.toMinutesPart()).append('m');
        }
        if (duration.toSecondsPart() > 0) {
            text.append(duration.toSecondsPart()).append('s');
        }
        return text.toString();
    }

    private static IllegalArgumentException invalid(String option, String text) {
        return new IllegalArgumentException(option + " - expected a duration like 30s, 5m, 1m30s or PT30S, got '" + text + "'");
    }
}
