package com.kin.local.lambda.watchdog;

import java.io.IOException;
import java.io.InputStream;

/**
 * A Java agent in every function JVM: the local runtime holds the write end of the JVM's stdin, so end-of-file on
 * stdin means the runtime is gone (stopped, killed, crashed) and the function JVM must not outlive it.
 * Self-contained on purpose: {@link WatchdogJar} copies this one class into the agent jar.
 */
public final class ParentWatchdog {

    private static final int EXIT_ORPHANED = 137;

    private ParentWatchdog() {
    }

    public static void premain(String arguments) {
        Thread watcher = new Thread(ParentWatchdog::awaitEndOfInput, "kin-parent-watchdog");
        watcher.setDaemon(true);
        watcher.start();
    }

    private static void awaitEndOfInput() {
        InputStream input = System.in;
        byte[] buffer = new byte[256];
        try {
            while (input.read(buffer) != -1) {
                // Nothing is ever written; reading only waits for the pipe to close.
            }
        } catch (IOException e) {
            // A broken pipe means the same as end-of-file: the parent is gone.
        }
        Runtime.getRuntime().halt(EXIT_ORPHANED);
    }
}
