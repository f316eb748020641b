package com.kin.local.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * {@code ./kin run} on the fixture template in a process of its own, as a developer starts it: the launcher script at
 * the repository root, KIN_NO_BUILD=1 (this build made the classes), this JVM's JDK. Its temporary directories (the
 * Lambda work directory, the embedded Postgres copy) go to a directory of the test's own, to find what it leaves behind.
 */
final class KinProcess implements AutoCloseable {

    private static final Path REPOSITORY = Path.of("").toAbsolutePath().getParent().getParent();
    /** What a shell reports for a JVM that Ctrl-C ended: 128 + SIGINT. */
    private static final int SIGINT_EXIT_STATUS = 130;

    private final Process process;
    private final Path directory;
    private final Path temporary;
    private final List<String> lines = new ArrayList<>();
    private int cursor;

    private KinProcess(Process process, Path directory, Path temporary) {
        this.process = process;
        this.directory = directory;
        this.temporary = temporary;
        Thread reader = new Thread(this::read, "kin-run-output");
        reader.setDaemon(true);
        reader.start();
    }

    static KinProcess run(String... options) throws IOException {
        Path directory = Files.createTempDirectory("kin-run-it");
        Path results = FixtureStack.prepare(directory);
        Path temporary = Files.createDirectories(directory.resolve("tmp"));
        List<String> command = new ArrayList<>(List.of(REPOSITORY.resolve("kin").toString(), "run",
                "--template", directory.resolve("template.yaml").toString(),
                "--state", Path.of("target", "kin-state").toAbsolutePath().toString(),
                "--parameter", "ResultDir=" + results));
        command.addAll(List.of(options));
        ProcessBuilder builder = new ProcessBuilder(command).directory(REPOSITORY.toFile()).redirectErrorStream(true);
        builder.environment().put("KIN_NO_BUILD", "1");
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        builder.environment().put("KIN_JAVA_OPTS", "-Djava.io.tmpdir=" + temporary);
        return new KinProcess(builder.start(), directory, temporary);
    }

    /** Every line printed so far. */
    synchronized List<String> lines() {
        return List.copyOf(lines);
    }

    /** The next line (after the last one awaited) that matches, within {@code patience}. */
    synchronized String awaitLine(Pattern pattern, Duration patience) throws InterruptedException {
        Instant deadline = Instant.now().plus(patience);
        while (true) {
            for (; cursor < lines.size(); cursor++) {
                if (pattern.matcher(lines.get(cursor)).matches()) {
                    return lines.get(cursor++);
                }
            }
            long left = Duration.between(Instant.now(), deadline).toMillis();
            if (left <= 0 || (!process.isAlive() && cursor >= lines.size())) {
                throw new AssertionError("no line matching " + pattern + " within " + patience + " (exited: "
                        + !process.isAlive() + "); last lines:\n" + String.join("\n",
                        lines.subList(Math.max(0, lines.size() - 30), lines.size())));
            }
            wait(Math.min(left, 500));
        }
    }

    /**
     * Ctrl-C: SIGINT to the runtime's JVM (the launcher exec'd it). It must end as a JVM ends on SIGINT, and with it
     * every process it started (function JVMs, Postgres) and every temporary directory it made.
     */
    void interruptAndAssertNothingIsLeft() throws Exception {
        List<ProcessHandle> started = Stream.concat(process.descendants(), postmasters().stream()).toList();
        assertThat(postmasters()).as("Postgres runs before Ctrl-C").isNotEmpty();

        assertThat(new ProcessBuilder("kill", "-INT", String.valueOf(process.pid())).start().waitFor()).isZero();

        assertThat(process.waitFor(90, TimeUnit.SECONDS)).as("ended after Ctrl-C").isTrue();
        assertThat(process.exitValue()).isEqualTo(SIGINT_EXIT_STATUS);
        for (ProcessHandle child : started) {
            awaitGone(child);
        }
        assertThat(postmasters()).as("no Postgres of this run").isEmpty();
        assertThat(temporaryDirectories()).as("temporary directories left in " + temporary).isEmpty();
    }

    /** The Postgres server processes of this run: their binaries were unpacked into its temporary directory. */
    private List<ProcessHandle> postmasters() {
        return ProcessHandle.allProcesses().filter(p -> p.info().command()
                .map(command -> command.startsWith(temporary.toString()) && command.endsWith("/postgres"))
                .orElse(false)).toList();
    }

    /** The runtime's own temporary directories: the Lambda work directory and the copies of the Postgres cluster. */
    private List<Path> temporaryDirectories() throws IOException {
        try (Stream<Path> files = Files.walk(temporary, 2)) {
            return files.filter(path -> path.getFileName().toString().startsWith("kin-lambda-")
                    || (path.getParent().getFileName().toString().equals("embedded-pg")
                    && path.getFileName().toString().startsWith("kin-"))).toList();
        }
    }

    private static void awaitGone(ProcessHandle process) throws Exception {
        try {
            process.onExit().get(15, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            throw new AssertionError("still running after Ctrl-C: " + process.pid() + " " + process.info(), e);
        }
    }

    private void read() {
        try (BufferedReader output = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            for (String line = output.readLine(); line != null; line = output.readLine()) {
                System.out.println("kin run > " + line);
                synchronized (this) {
                    lines.add(line);
                    notifyAll();
                }
            }
        } catch (IOException e) {
            System.out.println("kin run > (output closed: " + e.getMessage() + ")");
        }
        synchronized (this) {
            notifyAll();
        }
    }

    @Override
    public void close() throws IOException {
        if (process.isAlive()) {
            // A failed test: end what it started, the hard way.
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            postmasters().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        }
        try (Stream<Path> files = Files.walk(directory)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }
}
