package com.kin.cache;

import io.micronaut.core.annotation.Nullable;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * Runs DynamoDB calls so that L2 can never fail or slow down a request beyond its budget: each call runs on a small
 * pool and the caller waits at most what its {@link L2Budget} has left; a call not allowed by the {@link CircuitBreaker}
 * is not made. A failure (SDK error, throttling, missing table, timeout) is logged and counted once per retry interval
 * and reads as "no answer"; an exception that is not the SDK's is a bug and is thrown.
 *
 * <p>A call the caller stopped waiting for still runs to the SDK's own timeout, so a late write still lands.
 */
final class L2Guard implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(L2Guard.class);
    static final int THREADS = 4;
    private static final int QUEUE = 256;

    private final CircuitBreaker breaker;
    private final CacheMetrics metrics;
    private final Duration retryInterval;
    private final ThreadPoolExecutor executor;

    L2Guard(CircuitBreaker breaker, CacheMetrics metrics, Duration retryInterval) {
        this.breaker = breaker;
        this.metrics = metrics;
        this.retryInterval = retryInterval;
        AtomicInteger threadNumber = new AtomicInteger();
        this.executor = new ThreadPoolExecutor(THREADS, THREADS, 60, TimeUnit.SECONDS, new ArrayBlockingQueue<>(QUEUE),
                task -> {
                    Thread thread = new Thread(task, "kin-cache-l2-" + threadNumber.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                });
    }

    /** The result of {@code work}, or empty when L2 is bypassed, out of budget or failed. */
    <T> Optional<T> call(String operation, L2Budget budget, Callable<T> work) {
        return call(operation, null, budget, work);
    }

    /** As {@link #call(String, L2Budget, Callable)} for an entry of {@code kind}, which a failure is counted under. */
    <T> Optional<T> call(String operation, @Nullable CacheKind kind, L2Budget budget, Callable<T> work) {
        return callAll(operation, kind, budget, List.of(work)).map(results -> results.get(0));
    }

    /** Runs {@code works} in parallel; all their results, or empty when any failed or the budget ran out. */
    <T> Optional<List<T>> callAll(String operation, L2Budget budget, List<Callable<T>> works) {
        return callAll(operation, null, budget, works);
    }

    private <T> Optional<List<T>> callAll(String operation, @Nullable CacheKind kind, L2Budget budget,
                                          List<Callable<T>> works) {
        if (budget.exhausted() || !breaker.tryAcquire()) {
            return Optional.empty();
        }
        try {
            List<T> results = awaitAll(works, budget);
            if (breaker.onSuccess()) {
                LOG.info("cache - DynamoDB L2 answers again ({}), using it again", operation);
            }
            return Optional.of(results);
        } catch (TimeoutException e) {
            failed(operation, kind, "no answer within the L2 budget");
        } catch (RejectedExecutionException e) {
            failed(operation, kind, "all " + THREADS + " L2 threads busy and " + QUEUE + " calls queued");
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof SdkException sdkError)) {
                breaker.release();
                throw new IllegalStateException("cache - L2 " + operation + " failed unexpectedly", e.getCause());
            }
            failed(operation, kind, sdkError.getClass().getSimpleName() + ": " + sdkError.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            breaker.release();
        }
        return Optional.empty();
    }

    private <T> List<T> awaitAll(List<Callable<T>> works, L2Budget budget)
            throws InterruptedException, ExecutionException, TimeoutException {
        List<Future<T>> futures = new ArrayList<>(works.size());
        works.forEach(work -> futures.add(executor.submit(work)));
        List<T> results = new ArrayList<>(works.size());
        for (Future<T> future : futures) {
            results.add(future.get(Math.max(0, budget.remainingNanos()), TimeUnit.NANOSECONDS));
        }
        return results;
    }

    CircuitBreaker.State state() {
        return breaker.state();
    }

    private void failed(String operation, @Nullable CacheKind kind, String reason) {
        if (breaker.onFailure()) {
            metrics.l2Error(operation, kind);
            LOG.warn("cache - DynamoDB L2 {} failed ({}); serving from L1 and the database, next try in {} ms",
                    operation, reason, retryInterval.toMillis());
        }
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
