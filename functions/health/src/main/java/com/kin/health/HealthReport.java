package com.kin.health;

import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import java.util.List;

/** The answer of {@code GET /api/health}: the overall status, when it was taken, and every part. */
@Serdeable
public record HealthReport(OverallStatus status, String checkedAt, List<PartHealth> parts) {

    /**
     * The overall status of {@code parts}: {@code down} when a part in {@code critical} is at fault, {@code degraded}
     * when any other is, {@code ok} otherwise.
     */
    static HealthReport of(Instant checkedAt, List<PartHealth> parts, List<String> critical) {
        OverallStatus overall = OverallStatus.OK;
        for (PartHealth part : parts) {
            if (part.status().isFault()) {
                if (critical.contains(part.name())) {
                    overall = OverallStatus.DOWN;
                } else if (overall == OverallStatus.OK) {
                    overall = OverallStatus.DEGRADED;
                }
            }
        }
        return new HealthReport(overall, checkedAt.toString(), List.copyOf(parts));
    }
}
