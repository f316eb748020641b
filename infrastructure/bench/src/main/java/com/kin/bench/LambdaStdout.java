package com.kin.bench;

import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Standard output as Lambda gives it to a function: a stream the process writes to and nobody answers. A handler writes
 * one EMF document per invocation to stdout; in a JMH fork, stdout is JMH's own stream, forwarded line by line over a
 * socket to the host process, which stalls the writer for up to seconds whenever the host is busy (seen as 1.8-1.9 s
 * samples in every iteration, with the benchmark thread in {@code BinaryLinkClient.pushFrame}). That wait is the
 * harness's, not the function's, so while a benchmark runs stdout goes to a temporary file instead: the handler still
 * formats and writes every document.
 */
final class LambdaStdout implements AutoCloseable {

    private final PrintStream original;
    private final PrintStream sink;
    private final Path file;

    private LambdaStdout(PrintStream original, PrintStream sink, Path file) {
        this.original = original;
        this.sink = sink;
        this.file = file;
    }

    /** Sends System.out to a new temporary file until {@link #close}. */
    static LambdaStdout redirect() {
        try {
            Path file = Files.createTempFile("kin-bench-stdout-", ".log");
            PrintStream sink = new PrintStream(new FileOutputStream(file.toFile()), true);
            LambdaStdout redirected = new LambdaStdout(System.out, sink, file);
            System.setOut(sink);
            return redirected;
        } catch (IOException e) {
            throw new UncheckedIOException("bench - failed to create the file standing in for Lambda's stdout", e);
        }
    }

    /** Restores System.out and deletes the file. */
    @Override
    public void close() {
        System.setOut(original);
        sink.close();
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException("bench - failed to delete " + file, e);
        }
    }
}
