package com.kin.local.lambda;

import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;

/** One event on its way to a function instance, and the result the caller waits for. */
public final class Invocation {

    private final String requestId = UUID.randomUUID().toString();
    private final String traceId = newTraceId();
    private final byte[] payload;
    private final CompletableFuture<InvocationResult> result = new CompletableFuture<>();
    private volatile long startedNanos;
    private volatile long deadlineEpochMs;

    Invocation(byte[] payload) {
        this.payload = payload;
    }

    public String requestId() {
        return requestId;
    }

    public CompletableFuture<InvocationResult> result() {
        return result;
    }

    byte[] payload() {
        return payload;
    }

    String traceId() {
        return traceId;
    }

    long deadlineEpochMs() {
        return deadlineEpochMs;
    }

    long startedNanos() {
        return startedNanos;
    }

    void begin(long nowEpochMs, long nowNanos, int timeoutSeconds) {
        this.startedNanos = nowNanos;
        this.deadlineEpochMs = nowEpochMs + timeoutSeconds * 1000L;
    }

    /** Completes the invocation unless it already ended (a late response after a timeout is dropped, as Lambda does). */
    boolean finish(InvocationResult outcome) {
        return result.complete(outcome);
    }

    /** An X-Ray trace header; nothing is sampled locally. */
    private static String newTraceId() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return String.format("Root=1-%08x-%012x%012x;Parent=%016x;Sampled=0", System.currentTimeMillis() / 1000,
                random.nextLong(1L << 48), random.nextLong(1L << 48), random.nextLong(Long.MAX_VALUE));
    }
}
