package com.kin.observability.errors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micronaut.context.exceptions.ConfigurationException;
import org.junit.jupiter.api.Test;

class ErrorReportingConfigTest {

    @Test
    void enabledDsn_isEmptyWhenUnsetOrBlank() {
        assertThat(new ErrorReportingConfig(null, null, 2000).enabledDsn()).isEmpty();
        assertThat(new ErrorReportingConfig("", null, 2000).enabledDsn()).isEmpty();
    }

    @Test
    void enabledDsn_isTheDsnWhenSet() {
        assertThat(new ErrorReportingConfig("https://key@o1.ingest.sentry.io/2", null, 2000).enabledDsn())
                .contains("https://key@o1.ingest.sentry.io/2");
    }

    @Test
    void zeroFlushTimeout_failsNamingTheVariable() {
        assertThatThrownBy(() -> new ErrorReportingConfig(null, null, 0))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("SENTRY_FLUSH_TIMEOUT_MS");
    }
}
