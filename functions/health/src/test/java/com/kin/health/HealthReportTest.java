package com.kin.health;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class HealthReportTest {

    static final Instant NOW = Instant.parse("2026-11-24T06:00:00Z");
    static final List<String> CRITICAL = List.of("database");

    @Test
    void everyPartOkOrNotConfigured_isOk() {
        HealthReport report = HealthReport.of(NOW, List.of(part("database", PartStatus.OK),
                part("quickbase", PartStatus.NOT_CONFIGURED)), CRITICAL);

        assertThat(report.status()).isEqualTo(OverallStatus.OK);
        assertThat(report.status().httpStatus()).isEqualTo(200);
        assertThat(report.checkedAt()).isEqualTo("2026-11-24T06:00:00Z");
    }

    @Test
    void aNonCriticalPartDownOrDegraded_isDegraded() {
        assertThat(HealthReport.of(NOW, List.of(part("database", PartStatus.OK), part("twilio", PartStatus.DOWN)),
                CRITICAL).status()).isEqualTo(OverallStatus.DEGRADED);
        assertThat(HealthReport.of(NOW, List.of(part("cacheTable", PartStatus.DEGRADED), part("database", PartStatus.OK)),
                CRITICAL).status()).isEqualTo(OverallStatus.DEGRADED);
    }

    @Test
    void theDatabaseDown_isDown503_whateverElseIsDegraded() {
        HealthReport report = HealthReport.of(NOW, List.of(part("twilio", PartStatus.DOWN),
                part("database", PartStatus.DOWN), part("sqs", PartStatus.DEGRADED)), CRITICAL);

        assertThat(report.status()).isEqualTo(OverallStatus.DOWN);
        assertThat(report.status().httpStatus()).isEqualTo(503);
    }

    private static PartHealth part(String name, PartStatus status) {
        return new PartHealth(name, status, 1, "m", null);
    }
}
