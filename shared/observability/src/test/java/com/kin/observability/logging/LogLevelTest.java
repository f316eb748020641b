package com.kin.observability.logging;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.junit.jupiter.api.Test;

/** Surefire runs with LOG_LEVEL=debug (lower case, as people type it); log4j2.xml's default is INFO. */
class LogLevelTest {

    @Test
    void rootLevel_followsLogLevelVariable() {
        assertThat(System.getenv("LOG_LEVEL")).isEqualTo("debug");
        assertThat(LogManager.getRootLogger().getLevel()).isEqualTo(Level.DEBUG);
    }
}
