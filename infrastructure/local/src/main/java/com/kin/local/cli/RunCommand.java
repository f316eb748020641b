package com.kin.local.cli;

import com.kin.local.LocalPlatform;
import com.kin.local.LogStream;
import com.kin.local.PlatformOptions;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "run", description = "Start the whole platform of the template; Ctrl-C stops everything.")
public final class RunCommand implements Callable<Integer> {

    /** How long Ctrl-C waits for a service still starting (Postgres, say) to come up, so that it can be stopped. */
    private static final Duration STOP_PATIENCE = Duration.ofSeconds(30);
    /** The status of a command that Ctrl-C ended: 128 + SIGINT. */
    private static final int INTERRUPTED = 130;

    @Mixin
    CommonOptions common;

    @Option(names = "--port", defaultValue = "3000", description = "Gateway port; 0 picks a free one (default: ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--data", paramLabel = "DIR",
            description = "Keep the database (and DynamoDB tables) in DIR between runs; default: a fresh temporary one.")
    Path data;

    @Option(names = "--seed", defaultValue = "small", description = "Demo data: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    PlatformOptions.Seed seed;

    @Option(names = "--warm", description = "Start every function at once instead of on first use.")
    boolean warm;

    @Option(names = "--max-instances", defaultValue = "3",
            description = "Concurrent instances per function at most (default: ${DEFAULT-VALUE}).")
    int maxInstances;

    @Override
    public Integer call() throws Exception {
        LibraryLogging.quiet(System.out);
        LogStream log = new LogStream(System.out);
        PlatformOptions options = new PlatformOptions(common.template, common.state, data, port, seed, warm, maxInstances,
                common.parameters, true, true);
        // The hook goes in before anything starts: Ctrl-C during start-up stops what has started and removes its
        // temporary directories too.
        LocalPlatform platform;
        try {
            platform = LocalPlatform.start(options, log, Clock.systemUTC(), starting ->
                    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                        log.info("stopping");
                        starting.stop(STOP_PATIENCE);
                    }, "kin-shutdown")));
        } catch (CancellationException stoppedWhileStarting) {
            return INTERRUPTED;
        }
        log.info(String.format(Locale.ROOT, "ready in %.1f s (JVM start to ready); functions: %s",
                ManagementFactory.getRuntimeMXBean().getUptime() / 1000.0, String.join(", ", platform.functionNames())));
        System.out.println(platform.readyLine());
        System.out.flush();
        Thread.currentThread().join();
        return 0;
    }
}
