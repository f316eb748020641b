package com.kin.local.lambda;

import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;

/**
 * One execution environment: a JVM running the runtime interface client. Its fields change only under the lock of
 * its {@link FunctionPool}.
 */
final class FunctionInstance {

    /** FINISHING: responded, not yet back in {@code next}; RETIRED: counted nowhere, on its way to IDLE, BUSY or out. */
    enum State { STARTING, IDLE, BUSY, FINISHING, RETIRED, GONE }

    private static final int EXIT_WAIT_SECONDS = 5;

    private final String id;
    private final String codeVersion;
    private final long spawnedNanos = System.nanoTime();
    private final CompletableFuture<Void> ready = new CompletableFuture<>();
    private final Condition handoff;
    private Invocation assigned;
    private Process process;
    private State state = State.STARTING;
    private Invocation current;
    private long initDurationNanos = -1;
    private boolean initReported;
    private InvocationResult.Failure initError;

    FunctionInstance(String id, String codeVersion, Condition handoff) {
        this.id = id;
        this.codeVersion = codeVersion;
        this.handoff = handoff;
    }

    String id() {
        return id;
    }

    String codeVersion() {
        return codeVersion;
    }

    void attach(Process started) {
        this.process = started;
    }

    /** Calls back with the exit status when the JVM ends, on another thread (never inside the pool's lock). */
    void onExit(java.util.function.IntConsumer callback) {
        process.onExit().thenAcceptAsync(ended -> callback.accept(ended.exitValue()));
    }

    State state() {
        return state;
    }

    void state(State next) {
        this.state = next;
    }

    /** Hands an invocation to this idle instance and wakes its waiting {@code next}. */
    void assign(Invocation invocation) {
        assigned = invocation;
        handoff.signal();
    }

    Invocation takeAssigned() {
        Invocation taken = assigned;
        assigned = null;
        return taken;
    }

    boolean hasAssignment() {
        return assigned != null;
    }

    void awaitAssignment() throws InterruptedException {
        handoff.await();
    }

    /** Wakes a waiting {@code next} without work: the instance is going away. */
    void wake() {
        handoff.signalAll();
    }

    Invocation current() {
        return current;
    }

    void current(Invocation invocation) {
        this.current = invocation;
    }

    /** Completes when the init phase ends (the first {@code next}); fails if the JVM dies before. */
    CompletableFuture<Void> ready() {
        return ready;
    }

    /**
     * {@code --warm}: the instance starts ahead of any request, as with provisioned concurrency, so no invocation waits
     * for its init and no REPORT line carries an Init Duration (its INIT_REPORT still logs the cold start).
     */
    CompletableFuture<Void> readyAhead() {
        initReported = true;
        return ready;
    }

    /** Marks the end of the init phase; returns its duration in ms. */
    double markInitialised() {
        initDurationNanos = System.nanoTime() - spawnedNanos;
        ready.complete(null);
        return initDurationNanos / 1e6;
    }

    /** The init duration for the REPORT line of the first invocation only, as Lambda prints it. */
    OptionalLong takeInitDurationNanos() {
        if (initReported || initDurationNanos < 0) {
            return OptionalLong.empty();
        }
        initReported = true;
        return OptionalLong.of(initDurationNanos);
    }

    InvocationResult.Failure initError() {
        return initError;
    }

    void initError(InvocationResult.Failure error) {
        this.initError = error;
    }

    boolean alive() {
        return state != State.GONE;
    }

    long pid() {
        return process == null ? -1 : process.pid();
    }

    /** Ends the JVM at once: a timed-out or orphaned environment gets no grace period in Lambda either. */
    void kill() {
        if (process != null) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        }
    }

    /** Waits briefly for a killed JVM to be gone, so that stopping the runtime leaves no process behind. */
    void awaitExit() {
        if (process == null) {
            return;
        }
        try {
            process.waitFor(EXIT_WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Peak resident memory of the JVM (Linux VmHWM), for the REPORT line's "Max Memory Used". */
    OptionalLong maxMemoryUsedMb() {
        // Empty when not on Linux or when the process just ended: the REPORT line leaves the figure out.
        return PeakMemory.ofProcess(pid());
    }
}
