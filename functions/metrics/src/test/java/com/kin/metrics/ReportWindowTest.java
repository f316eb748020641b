package com.kin.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.kin.core.error.BadRequestError;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class ReportWindowTest {

    private static final Duration RETENTION = Duration.ofHours(1);
    private final Clock clock = Clock.fixed(Instant.parse("2026-11-24T06:10:30.250Z"), ZoneOffset.UTC);

    @Test
    void noWindow_coversTheRetention_endingAtTheNextWholeMinute() {
        ReportWindow window = ReportWindow.resolve(null, RETENTION, clock);

        assertThat(window.end()).isEqualTo(Instant.parse("2026-11-24T06:11:00Z"));
        assertThat(window.start()).isEqualTo(Instant.parse("2026-11-24T05:11:00Z"));
        assertThat(window.duration()).isEqualTo(RETENTION);
    }

    @Test
    void window_isAnIsoDurationOfWholeMinutes() {
        ReportWindow window = ReportWindow.resolve("PT15M", RETENTION, clock);

        assertThat(window.start()).isEqualTo(Instant.parse("2026-11-24T05:56:00Z"));
        assertThat(window.duration()).isEqualTo(Duration.ofMinutes(15));
    }

    @Test
    void atAWholeMinute_theWindowEndsThere() {
        ReportWindow window = ReportWindow.resolve("PT1M", RETENTION,
                Clock.fixed(Instant.parse("2026-11-24T06:10:00Z"), ZoneOffset.UTC));

        assertThat(window.end()).isEqualTo(Instant.parse("2026-11-24T06:10:00Z"));
    }

    @Test
    void badWindows_are400NamingTheParameter() {
        for (String bad : new String[] {"15m", "15", "PT30S", "PT1M30S", "PT2H", "PT0M", "-PT5M", "PT1M0.5S"}) {
            assertThatThrownBy(() -> ReportWindow.resolve(bad, RETENTION, clock)).as(bad)
                    .isInstanceOfSatisfying(BadRequestError.class, error -> {
                        assertThat(error.status()).isEqualTo(400);
                        assertThat(error.fieldErrors()).containsKey("window");
                        assertThat(error.fieldErrors().get("window")).contains("PT1H");
                    });
        }
    }
}
