package com.kin.local;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * The one stream every process of the local platform writes to: each line is prefixed with its source and
 * {@code " | "}, and the rest of the line is left untouched so that a function's JSON log lines stay parseable
 * ({@code sed 's/^[^|]*| //'} gives them back).
 */
public final class LogStream {

    public static final String RUNTIME = "kin";
    private static final int SOURCE_WIDTH = 22;

    private final PrintStream out;
    private final List<Consumer<String>> processLineListeners = new CopyOnWriteArrayList<>();

    public LogStream(PrintStream out) {
        this.out = out;
    }

    /**
     * Also hands every line a {@link #pump pumped} process writes (the functions' stdout) to {@code listener}, after it is
     * on the stream: the local metrics store reads the functions' EMF documents there, as CloudWatch Logs does on AWS.
     */
    public void onProcessLine(Consumer<String> listener) {
        processLineListeners.add(listener);
    }

    public void line(String source, String text) {
        String prefix = source.length() >= SOURCE_WIDTH ? source : source + " ".repeat(SOURCE_WIDTH - source.length());
        synchronized (out) {
            out.print(prefix);
            out.print(" | ");
            out.println(text);
            out.flush();
        }
    }

    /** Rewrites the current terminal line (a progress bar); {@code last} ends it with a newline. */
    public void redraw(String source, String text, boolean last) {
        String prefix = source.length() >= SOURCE_WIDTH ? source : source + " ".repeat(SOURCE_WIDTH - source.length());
        synchronized (out) {
            out.print("\r" + prefix + " | " + text + (last ? System.lineSeparator() : ""));
            out.flush();
        }
    }

    public void info(String format, Object... arguments) {
        line(RUNTIME, String.format(format, arguments));
    }

    /** A PrintStream whose lines join this stream under {@code source}: for libraries that print to System.out. */
    public PrintStream printStream(String source) {
        OutputStream lines = new OutputStream() {
            private final ByteArrayOutputStream pending = new ByteArrayOutputStream();

            @Override
            public synchronized void write(int b) {
                if (b == '\n') {
                    String text = pending.toString(StandardCharsets.UTF_8).stripTrailing();
                    pending.reset();
                    if (!text.isBlank()) {
                        line(source, text);
                    }
                } else {
                    pending.write(b);
                }
            }
        };
        return new PrintStream(lines, true, StandardCharsets.UTF_8);
    }

    /** Copies a child process's output line by line until it closes; returns the (daemon) copying thread. */
    public Thread pump(String source, InputStream output) {
        Thread thread = new Thread(() -> copyLines(source, output), "log-" + source);
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    private void copyLines(String source, InputStream output) {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(output, StandardCharsets.UTF_8))) {
            String text;
            while ((text = reader.readLine()) != null) {
                line(source, text);
                for (Consumer<String> listener : processLineListeners) {
                    listener.accept(text);
                }
            }
        } catch (IOException e) {
            // The pipe breaks when the process is killed; the pool reports that exit, with its cause.
            line(source, "(output closed: " + e.getMessage() + ")");
        }
    }
}
