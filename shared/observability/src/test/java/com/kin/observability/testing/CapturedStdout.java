package com.kin.observability.testing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Captures stdout, where the EMF library prints metric documents (with {@code AWS_EMF_ENVIRONMENT=Local}, as Lambda
 * does). Log4j keeps the stream it was configured with, so only EMF lands here.
 */
public final class CapturedStdout implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final PrintStream original = System.out;
    private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();

    private CapturedStdout() {
        System.setOut(new PrintStream(buffer, true, StandardCharsets.UTF_8));
    }

    public static CapturedStdout start() {
        return new CapturedStdout();
    }

    /** Every EMF document printed so far. */
    public List<EmfDocument> emfDocuments() {
        return buffer.toString(StandardCharsets.UTF_8).lines()
                .filter(line -> line.startsWith("{\"_aws\""))
                .map(CapturedStdout::parse)
                .toList();
    }

    @Override
    public void close() {
        System.setOut(original);
    }

    private static EmfDocument parse(String line) {
        try {
            return new EmfDocument(JSON.readTree(line));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("not an EMF document: " + line, e);
        }
    }
}
