package com.kin.load;

import java.time.Duration;
import java.util.Map;

/** What a run did: loaded rows per table, or nothing because the scale was already seeded. */
public record SeedResult(boolean alreadySeeded, String scale, Map<String, Long> rows, Duration took) {

    public String describe() {
        if (alreadySeeded) {
            return "already seeded at scale " + scale + "; nothing to do";
        }
        StringBuilder text = new StringBuilder("seeded scale " + scale + " in " + took.toSeconds() + " s:");
        rows.forEach((table, count) -> text.append(String.format(" %s=%,d", table, count)));
        return text.toString();
    }
}
