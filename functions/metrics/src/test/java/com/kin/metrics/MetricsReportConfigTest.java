package com.kin.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class MetricsReportConfigTest {

    @Test
    void defaults_readCloudWatchOverOneHour() {
        MetricsReportConfig config = new MetricsReportConfig("cloudwatch", null, "3600000", null, "10000");

        assertThat(config.sourceKind()).isEqualTo(MetricsReportConfig.Source.CLOUDWATCH);
        assertThat(config.retention()).isEqualTo(Duration.ofHours(1));
        assertThat(config.timeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(config.cloudwatchEndpointUri()).isNull();
    }

    @Test
    void localSource_withItsUrl_isAccepted() {
        MetricsReportConfig config = new MetricsReportConfig("LOCAL", "http://127.0.0.1:4000/_local/metrics", "900000",
                null, "10000");

        assertThat(config.sourceKind()).isEqualTo(MetricsReportConfig.Source.LOCAL);
        assertThat(config.localUri()).isEqualTo(URI.create("http://127.0.0.1:4000/_local/metrics"));
        assertThat(config.retention()).isEqualTo(Duration.ofMinutes(15));
    }

    @Test
    void unknownSource_failsNamingTheVariable() {
        assertThatThrownBy(() -> new MetricsReportConfig("prometheus", null, "3600000", null, "10000"))
                .hasMessage("METRICS_SOURCE - must be cloudwatch or local, got 'prometheus'");
    }

    @Test
    void localSource_withoutUrl_failsNamingTheUrlVariable() {
        assertThatThrownBy(() -> new MetricsReportConfig("local", " ", "3600000", null, "10000"))
                .hasMessageStartingWith("METRICS_LOCAL_URL - required");
        assertThatThrownBy(() -> new MetricsReportConfig("local", "127.0.0.1:4000", "3600000", null, "10000"))
                .hasMessageStartingWith("METRICS_LOCAL_URL - must be an absolute http(s) URL");
    }

    @Test
    void retention_mustBeWholeMinutesOfMillisecondsUpToADay() {
        for (String bad : new String[] {"1h", "PT1H", "0", "-60000", "90000", "30000", "86460000", ""}) {
            assertThatThrownBy(() -> new MetricsReportConfig("cloudwatch", null, bad, null, "10000"))
                    .as(bad).hasMessageStartingWith("METRICS_RETENTION_TIME - must be whole minutes in milliseconds")
                    .hasMessageContaining("got '" + bad + "'");
        }
        assertThat(new MetricsReportConfig("cloudwatch", null, "86400000", null, "10000").retention())
                .isEqualTo(Duration.ofDays(1));
    }

    @Test
    void badTimeoutOrEndpoint_failNamingTheirVariables() {
        assertThatThrownBy(() -> new MetricsReportConfig("cloudwatch", null, "3600000", null, "30000"))
                .hasMessageStartingWith("METRICS_TIMEOUT_MS - must be 1000..25000 ms");
        assertThatThrownBy(() -> new MetricsReportConfig("cloudwatch", null, "3600000", "monitoring", "10000"))
                .hasMessageStartingWith("METRICS_CLOUDWATCH_ENDPOINT - must be an absolute http(s) URL");
    }
}
