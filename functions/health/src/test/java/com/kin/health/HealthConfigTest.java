package com.kin.health;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class HealthConfigTest {

    @Test
    void validValues_areKept() {
        HealthConfig config = new HealthConfig(1000, 30_000);

        assertThat(config.checkTimeout()).isEqualTo(Duration.ofSeconds(1));
        assertThat(config.interval()).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void outOfRangeValues_failNamingTheVariable() {
        assertThatThrownBy(() -> new HealthConfig(20, 30_000)).hasMessageStartingWith("HEALTH_CHECK_TIMEOUT_MS - must be")
                .hasMessageContaining("got 20");
        assertThatThrownBy(() -> new HealthConfig(20_000, 30_000)).hasMessageStartingWith("HEALTH_CHECK_TIMEOUT_MS");
        assertThatThrownBy(() -> new HealthConfig(1000, -1)).hasMessageStartingWith("HEALTH_CHECK_INTERVAL - must be");
    }
}
