package com.kin.local.it;

import com.kin.local.LogStream;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The log stream of a platform under test: every line goes to the console as before and is also kept, so that a test
 * can assert what the runtime logged (cold starts, errors) as a developer would read it.
 */
final class CapturedLog {

    /** A line of a function instance: its id ({@code EchoFunction-3}), padding, {@code " | "}, the text. */
    private static final Pattern INSTANCE_LINE = Pattern.compile("^([A-Za-z0-9]+-[0-9]+) *\\| (.*)$");

    private final List<String> lines = new ArrayList<>();
    private final LogStream stream;

    CapturedLog(PrintStream console) {
        OutputStream tee = new OutputStream() {
            private final ByteArrayOutputStream pending = new ByteArrayOutputStream();

            @Override
            public synchronized void write(int b) {
                console.write(b);
                if (b == '\n') {
                    add(pending.toString(StandardCharsets.UTF_8));
                    pending.reset();
                } else {
                    pending.write(b);
                }
            }
        };
        this.stream = new LogStream(new PrintStream(tee, true, StandardCharsets.UTF_8));
    }

    LogStream stream() {
        return stream;
    }

    /** Every line so far. */
    List<String> lines() {
        synchronized (lines) {
            return List.copyOf(lines);
        }
    }

    private void add(String line) {
        synchronized (lines) {
            lines.add(line);
        }
    }

    /** The texts of each function instance's lines, by instance id, in the order they were logged. */
    static Map<String, List<String>> byInstance(List<String> lines) {
        Map<String, List<String>> instances = new LinkedHashMap<>();
        for (String line : lines) {
            Matcher matcher = INSTANCE_LINE.matcher(line);
            if (matcher.matches()) {
                instances.computeIfAbsent(matcher.group(1), id -> new ArrayList<>()).add(matcher.group(2));
            }
        }
        return instances;
    }

    /** How many lines of {@code texts} start with {@code prefix}. */
    static long count(List<String> texts, String prefix) {
        return texts.stream().filter(text -> text.startsWith(prefix)).count();
    }
}
