package com.kin.load.traffic;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Requests per virtual user, as {@code --rate} spells it: {@code 100/min}, {@code 2/s}, {@code 600/h}. */
public record Rate(double perMinute) {

    private static final Pattern TEXT = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*/\\s*(s|sec|min|m|h|hour)");

    public Rate {
        if (!(perMinute > 0) || Double.isInfinite(perMinute)) {
            throw new IllegalArgumentException("--rate - must be above 0 requests per minute, got " + perMinute);
        }
    }

    public static Rate parse(String text) {
        Matcher matcher = TEXT.matcher(text.trim().toLowerCase(Locale.ROOT));
        if (!matcher.matches()) {
            throw new IllegalArgumentException("--rate - expected requests per user like 100/min, 2/s or 600/h, got '"
                    + text + "'");
        }
        double count = Double.parseDouble(matcher.group(1));
        double perMinute = switch (matcher.group(2)) {
            case "s", "sec" -> count * 60;
            case "h", "hour" -> count / 60;
            default -> count;
        };
        return new Rate(perMinute);
    }

    /** The mean time between two requests of one user. */
    public long intervalNanos() {
        return Math.round(60e9 / perMinute);
    }

    @Override
    public String toString() {
        return (perMinute == Math.rint(perMinute) ? String.valueOf((long) perMinute) : String.valueOf(perMinute)) + "/min";
    }
}
