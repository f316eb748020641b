package com.kin.observability.logging;

import static org.assertj.core.api.Assertions.assertThat;

import com.kin.observability.testing.CapturedLogs;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The layout masks phone numbers in any message, including messages KIN code does not write. */
class LogMaskingTest {

    private static final Logger LOG = LoggerFactory.getLogger(LogMaskingTest.class);

    @Test
    void message_withE164Number_isMaskedByTheLayout() {
        try (CapturedLogs logs = CapturedLogs.start()) {
            LOG.warn("Unexpected error occurred: The 'To' number {} is not valid", "+14155550123");

            assertThat(logs.lines()).singleElement().satisfies(line -> assertThat(line.path("message").asText())
                    .isEqualTo("Unexpected error occurred: The 'To' number +1415•••0123 is not valid"));
            assertThat(logs.raw()).doesNotContain("14155550123");
        }
    }

    @Test
    void message_withThrowable_staysTheMessage_andTheThrowableKeepsItsOwnField() {
        try (CapturedLogs logs = CapturedLogs.start()) {
            LOG.error("sending failed", new IllegalStateException("boom"));

            assertThat(logs.lines()).singleElement().satisfies(line -> {
                assertThat(line.path("message").asText()).isEqualTo("sending failed");
                assertThat(line.path("error").path("name").asText()).isEqualTo(IllegalStateException.class.getName());
                assertThat(line.path("error").path("stack").asText()).contains("boom");
            });
        }
    }

    @Test
    void exception_quotingANumber_isMaskedInItsMessageAndStack_causesIncluded() {
        try (CapturedLogs logs = CapturedLogs.start()) {
            IllegalStateException twilio = new IllegalStateException("The 'To' number +14155550123 is not valid");
            LOG.warn("sending failed", new RuntimeException("send to +14155550199 failed", twilio));

            assertThat(logs.lines()).singleElement().satisfies(line -> {
                assertThat(line.path("error").path("name").asText()).isEqualTo(RuntimeException.class.getName());
                assertThat(line.path("error").path("message").asText()).isEqualTo("send to +1415•••0199 failed");
                assertThat(line.path("error").path("stack").asText())
                        .contains("The 'To' number +1415•••0123 is not valid")
                        .contains("at " + LogMaskingTest.class.getName());
            });
            assertThat(logs.raw()).doesNotContain("14155550123").doesNotContain("14155550199");
        }
    }

    @Test
    void lineWithoutAnException_hasNoErrorField() {
        try (CapturedLogs logs = CapturedLogs.start()) {
            LOG.info("nothing went wrong");

            assertThat(logs.lines()).singleElement().satisfies(line -> assertThat(line.has("error")).isFalse());
        }
    }

    @Test
    void exceptionWithoutAMessage_keepsItsNameAndStack() {
        try (CapturedLogs logs = CapturedLogs.start()) {
            LOG.error("failed", new NullPointerException());

            assertThat(logs.lines()).singleElement().satisfies(line -> {
                assertThat(line.path("error").path("name").asText()).isEqualTo(NullPointerException.class.getName());
                assertThat(line.path("error").path("message").isNull() || line.path("error").path("message").isMissingNode())
                        .isTrue();
                assertThat(line.path("error").path("stack").asText()).startsWith(NullPointerException.class.getName());
            });
        }
    }

    @Test
    void message_withIdsAndTimestamps_isLeftAlone() {
        try (CapturedLogs logs = CapturedLogs.start()) {
            LOG.info("call CA0123456789abcdef0123456789abcdef at 1795500000000 took 1234 ms");

            assertThat(logs.lines().get(0).path("message").asText())
                    .isEqualTo("call CA0123456789abcdef0123456789abcdef at 1795500000000 took 1234 ms");
        }
    }
}
