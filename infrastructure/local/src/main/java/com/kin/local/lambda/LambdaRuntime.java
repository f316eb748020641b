package com.kin.local.lambda;

import com.kin.local.LogStream;
import com.kin.local.template.FunctionSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.stream.Stream;

/**
 * The local Lambda service: one Runtime API server, one JVM launcher and one timeout timer shared by the pools of
 * all functions, and a scratch directory for the task roots, deleted on close.
 */
public final class LambdaRuntime implements AutoCloseable {

    private static final String WORK_PREFIX = "kin-lambda-";
    private static final String OWNER_FILE = "owner.pid";

    private final Path workDirectory;
    private final PoolInfrastructure infrastructure;

    private LambdaRuntime(Path workDirectory, PoolInfrastructure infrastructure) {
        this.workDirectory = workDirectory;
        this.infrastructure = infrastructure;
    }

    public static LambdaRuntime start(int maxEnvironments, LogStream log) throws IOException {
        deleteOrphanedWorkDirectories();
        Path work = Files.createTempDirectory(WORK_PREFIX);
        Files.writeString(work.resolve(OWNER_FILE), String.valueOf(ProcessHandle.current().pid()));
        ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1, runnable -> {
            Thread thread = new Thread(runnable, "lambda-timeouts");
            thread.setDaemon(true);
            return thread;
        });
        timer.setRemoveOnCancelPolicy(true);
        PoolInfrastructure infrastructure = new PoolInfrastructure(JvmLauncher.create(work),
                new TaskRoots(work.resolve("tasks")), RuntimeApiServer.start(maxEnvironments), timer, log);
        return new LambdaRuntime(work, infrastructure);
    }

    public int runtimeApiPort() {
        return infrastructure.runtimeApi().port();
    }

    public FunctionPool pool(FunctionSpec function, Map<String, String> environment, int instanceLimit) {
        return new FunctionPool(function, environment, instanceLimit, infrastructure);
    }

    @Override
    public void close() throws IOException {
        infrastructure.timer().shutdownNow();
        infrastructure.runtimeApi().close();
        deleteTree(workDirectory);
    }

    /** Work directories of runtimes that were killed (their owner process is gone) are removed at the next start. */
    private static void deleteOrphanedWorkDirectories() throws IOException {
        Path temp = Path.of(System.getProperty("java.io.tmpdir"));
        try (Stream<Path> candidates = Files.list(temp)) {
            for (Path directory : candidates.filter(p -> p.getFileName().toString().startsWith(WORK_PREFIX)).toList()) {
                boolean old = Files.getLastModifiedTime(directory).toMillis() < System.currentTimeMillis() - 60_000;
                if (old && !ownerAlive(directory.resolve(OWNER_FILE))) {
                    deleteTree(directory);
                }
            }
        }
    }

    private static boolean ownerAlive(Path ownerFile) throws IOException {
        if (!Files.exists(ownerFile)) {
            return false;
        }
        String pid = Files.readString(ownerFile).trim();
        return pid.matches("[0-9]+") && ProcessHandle.of(Long.parseLong(pid)).map(ProcessHandle::isAlive).orElse(false);
    }

    private static void deleteTree(Path directory) throws IOException {
        try (Stream<Path> files = Files.walk(directory)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }
}
