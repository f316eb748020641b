package com.kin.local.lambda;

import com.kin.local.lambda.FunctionInstance.State;
import com.kin.local.lambda.InvocationResult.Failure;
import com.kin.local.template.FunctionSpec;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The execution environments of one function, scaled like Lambda: an invocation goes to the most recently idle
 * instance; a new instance (a cold start) starts only when invocations wait and no instance is starting or about to
 * be free, up to {@code maxInstances}. Instances pull work through the Runtime API ({@link #next}); one that passes
 * the function's Timeout or dies is replaced by the next cold start.
 */
public final class FunctionPool implements AutoCloseable {

    /**
     * Numbers instances across every pool of the process: their ids key the Runtime API server that all pools share, so
     * a killed instance's late unregister must never remove a later pool's instance of the same function.
     */
    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    private final FunctionSpec function;
    private final InstanceLauncher launcher;
    private final int maxInstances;
    private final PoolInfrastructure infrastructure;
    private final PlatformLog platformLog;
    private final ReentrantLock lock = new ReentrantLock();
    private final Deque<Invocation> pending = new ArrayDeque<>();
    private final Deque<FunctionInstance> idle = new ArrayDeque<>();
    private final List<FunctionInstance> instances = new ArrayList<>();
    private int starting;
    private int finishing;
    private boolean closed;

    FunctionPool(FunctionSpec function, Map<String, String> environment, int instanceLimit,
                 PoolInfrastructure infrastructure) {
        this.function = function;
        this.launcher = new InstanceLauncher(function, environment, infrastructure);
        this.maxInstances = function.reservedConcurrency() > 0 ? Math.min(instanceLimit, function.reservedConcurrency())
                : instanceLimit;
        this.infrastructure = infrastructure;
        this.platformLog = new PlatformLog(infrastructure.log(), function.memoryMb());
    }

    public FunctionSpec function() {
        return function;
    }

    /** Queues one event; the returned invocation's result completes with the response, an error or a timeout. */
    public Invocation invoke(byte[] payload) {
        Invocation invocation = new Invocation(payload);
        lock.lock();
        try {
            if (closed) {
                invocation.finish(Failure.of("Runtime.Shutdown", "the local runtime is stopping"));
            } else {
                FunctionInstance instance = freshIdleInstance();
                if (instance != null) {
                    instance.assign(invocation);
                } else {
                    pending.add(invocation);
                    spawnAsNeeded();
                }
            }
        } finally {
            lock.unlock();
        }
        return invocation;
    }

    /** The caller stopped waiting (API Gateway's integration timeout): an invocation not yet started is dropped. */
    public void abandon(Invocation invocation) {
        lock.lock();
        try {
            pending.remove(invocation);
        } finally {
            lock.unlock();
        }
    }

    /** Starts one instance now ({@code --warm}); completes when its init phase has ended. */
    public CompletableFuture<Void> warm() {
        lock.lock();
        try {
            FunctionInstance instance = instances.isEmpty() ? spawn() : null;
            return instance == null ? CompletableFuture.completedFuture(null) : instance.readyAhead();
        } finally {
            lock.unlock();
        }
    }

    /** Runtime API {@code next}: blocks until there is work for this instance; null when the instance must go. */
    Invocation next(FunctionInstance instance) throws InterruptedException {
        Invocation invocation = awaitWork(instance);
        if (invocation == null) {
            return null;
        }
        platformLog.start(instance, invocation);
        ScheduledFuture<?> timeout = infrastructure.timer().schedule(() -> timedOut(instance, invocation),
                function.timeoutSeconds(), TimeUnit.SECONDS);
        invocation.result().whenComplete((result, error) -> timeout.cancel(false));
        return invocation;
    }

    private Invocation awaitWork(FunctionInstance instance) throws InterruptedException {
        lock.lock();
        try {
            if (!returnToService(instance)) {
                return null;
            }
            Invocation invocation = pending.poll();
            if (invocation == null) {
                instance.state(State.IDLE);
                idle.addFirst(instance);
                while (!instance.hasAssignment() && instance.alive() && !closed) {
                    instance.awaitAssignment();
                }
                idle.remove(instance);
                invocation = instance.takeAssigned();
                if (invocation == null) {
                    return null;
                }
            }
            instance.state(State.BUSY);
            instance.current(invocation);
            invocation.begin(System.currentTimeMillis(), System.nanoTime(), function.timeoutSeconds());
            return invocation;
        } finally {
            lock.unlock();
        }
    }

    /** Ends the init phase or the previous invocation; false when the instance must go instead. Under the lock. */
    private boolean returnToService(FunctionInstance instance) {
        switch (instance.state()) {
            case STARTING -> {
                starting--;
                platformLog.coldStart(instance, instance.markInitialised());
            }
            case FINISHING -> finishing--;
            default -> { }
        }
        if (!instance.alive()) {
            return false;
        }
        instance.state(State.RETIRED);
        if (closed) {
            return false;
        }
        if (launcher.isStale(instance)) {
            platformLog.event(instance, "retired: %s changed since this instance started", function.codeUri());
            instance.kill();
            return false;
        }
        return true;
    }

    /** Runtime API {@code response} or {@code error}; false when the request id is not this instance's current one. */
    boolean complete(FunctionInstance instance, String requestId, InvocationResult result) {
        Invocation invocation;
        lock.lock();
        try {
            invocation = instance.current();
            if (invocation == null || !invocation.requestId().equals(requestId)) {
                return false;
            }
            instance.current(null);
            instance.state(State.FINISHING);
            finishing++;
        } finally {
            lock.unlock();
        }
        if (invocation.finish(result)) {
            platformLog.end(instance, invocation, result instanceof Failure ? "error" : null);
        }
        return true;
    }

    /** Runtime API {@code init/error}: the runtime client exits next; the error answers the invocation that waited. */
    void initFailed(FunctionInstance instance, Failure error) {
        lock.lock();
        try {
            instance.initError(error);
        } finally {
            lock.unlock();
        }
        platformLog.event(instance, "init failed: %s", error.errorType());
    }

    private void timedOut(FunctionInstance instance, Invocation invocation) {
        if (invocation.finish(Failure.timedOut(invocation.requestId(), function.timeoutSeconds()))) {
            platformLog.end(instance, invocation, "timeout");
            platformLog.event(instance, "killed after its %d s Timeout; the next invocation starts a new instance",
                    function.timeoutSeconds());
            instance.kill();
        }
    }

    private void exited(FunctionInstance instance, int exitCode) {
        Invocation running;
        Invocation waitedForInit = null;
        boolean duringInit = instance.state() == State.STARTING;
        lock.lock();
        try {
            switch (instance.state()) {
                case STARTING -> starting--;
                case FINISHING -> finishing--;
                default -> { }
            }
            if (duringInit && !closed) {
                waitedForInit = pending.poll();
            }
            Invocation notStarted = instance.takeAssigned();
            if (notStarted != null) {
                pending.addFirst(notStarted);
            }
            running = instance.current();
            instance.current(null);
            instance.state(State.GONE);
            idle.remove(instance);
            instances.remove(instance);
            infrastructure.runtimeApi().unregister(instance.id());
            instance.wake();
            spawnAsNeeded();
        } finally {
            lock.unlock();
        }
        reportExit(instance, exitCode, duringInit, running, waitedForInit);
    }

    private void reportExit(FunctionInstance instance, int exitCode, boolean duringInit, Invocation running,
                            Invocation waitedForInit) {
        instance.ready().completeExceptionally(new IllegalStateException(instance.id() + " - exit status " + exitCode));
        if (running != null && running.finish(Failure.exited(running.requestId(), exitCode))) {
            platformLog.end(instance, running, "error");
        }
        if (waitedForInit != null) {
            waitedForInit.finish(Objects.requireNonNullElse(instance.initError(),
                    Failure.exited(waitedForInit.requestId(), exitCode)));
        }
        if (!closed) {
            platformLog.event(instance, "exited with status %d%s", exitCode, duringInit ? " during init" : "");
        }
    }

    /** Starts instances while waiting invocations outnumber those starting or about to be free. Under the lock. */
    private void spawnAsNeeded() {
        while (!closed && pending.size() > starting + finishing && instances.size() < maxInstances) {
            if (spawn() == null) {
                return;
            }
        }
    }

    /** Starts one JVM; on failure answers the oldest waiting invocation with the error. Under the lock. */
    private FunctionInstance spawn() {
        String id = function.logicalId() + "-" + SEQUENCE.incrementAndGet();
        try {
            FunctionInstance instance = launcher.launch(id, lock.newCondition(), started -> new InstanceBinding(this, started));
            instances.add(instance);
            starting++;
            instance.onExit(exitCode -> exited(instance, exitCode));
            return instance;
        } catch (IOException e) {
            infrastructure.log().line(id, "cannot start: " + e.getMessage());
            Invocation oldest = pending.poll();
            if (oldest != null) {
                oldest.finish(Failure.of("Runtime.InvalidEntrypoint", e.getMessage()));
            }
            return null;
        }
    }

    /** The most recently idle instance still running the current code; stale ones are retired. Under the lock. */
    private FunctionInstance freshIdleInstance() {
        FunctionInstance candidate;
        while ((candidate = idle.pollFirst()) != null) {
            if (!launcher.isStale(candidate)) {
                return candidate;
            }
            platformLog.event(candidate, "retired: %s changed since this instance started", function.codeUri());
            candidate.state(State.RETIRED);
            candidate.kill();
        }
        return null;
    }

    @Override
    public void close() {
        List<Invocation> waiting;
        List<FunctionInstance> running;
        lock.lock();
        try {
            closed = true;
            waiting = new ArrayList<>(pending);
            pending.clear();
            running = new ArrayList<>(instances);
        } finally {
            lock.unlock();
        }
        waiting.forEach(invocation -> invocation.finish(Failure.of("Runtime.Shutdown", "the local runtime is stopping")));
        // Killed before their waiting `next` is woken (each exit wakes it), so no client logs a failed `next` on Ctrl-C.
        running.forEach(FunctionInstance::kill);
        running.forEach(FunctionInstance::awaitExit);
    }
}
