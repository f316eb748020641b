package com.kin.observability.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.UUID;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.Layout;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.WriterAppender;
import org.apache.logging.log4j.core.config.Configuration;

/**
 * Captures log lines as the module's own log4j2.xml renders them: it borrows the layout of the configured console
 * appender, so what a test reads is byte for byte what a function prints to CloudWatch.
 */
public final class CapturedLogs implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final StringWriter lines = new StringWriter();
    private final LoggerContext context;
    private final WriterAppender appender;

    private CapturedLogs() {
        context = (LoggerContext) LogManager.getContext(false);
        Configuration configuration = context.getConfiguration();
        Layout<?> layout = configuration.getAppender("Console").getLayout();
        appender = WriterAppender.newBuilder()
                .setName("captured-" + UUID.randomUUID())
                .setLayout(layout)
                .setTarget(lines)
                .build();
        appender.start();
        configuration.getRootLogger().addAppender(appender, null, null);
        context.updateLoggers();
    }

    public static CapturedLogs start() {
        return new CapturedLogs();
    }

    /** Every captured line, parsed; fails the test if a line is not one JSON object. */
    public List<JsonNode> lines() {
        return lines.toString().lines().filter(line -> !line.isBlank()).map(CapturedLogs::parse).toList();
    }

    /** The captured lines whose message starts with {@code prefix}. */
    public List<JsonNode> withMessage(String prefix) {
        return lines().stream().filter(line -> line.path("message").asText().startsWith(prefix)).toList();
    }

    public String raw() {
        return lines.toString();
    }

    @Override
    public void close() {
        context.getConfiguration().getRootLogger().removeAppender(appender.getName());
        context.updateLoggers();
        appender.stop();
    }

    private static JsonNode parse(String line) {
        try {
            return JSON.readTree(line);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new UncheckedIOException("log line is not JSON: " + line, e);
        }
    }
}
