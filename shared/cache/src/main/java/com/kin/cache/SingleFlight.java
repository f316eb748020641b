package com.kin.cache;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Lets one thread per key do the work of a miss while other threads missing the same key wait for its result, so
 * concurrent misses load from the database once. The work runs on the leader's own thread.
 */
final class SingleFlight {

    /** The shared result, and whether this caller did the work itself. */
    record Outcome<R>(R value, boolean led) {
    }

    private final ConcurrentHashMap<String, CompletableFuture<Object>> flights = new ConcurrentHashMap<>();

    <R> Outcome<R> run(String key, Supplier<R> work) {
        CompletableFuture<Object> mine = new CompletableFuture<>();
        CompletableFuture<Object> running = flights.putIfAbsent(key, mine);
        if (running != null) {
            return new Outcome<>(await(running), false);
        }
        try {
            R result = work.get();
            mine.complete(result);
            return new Outcome<>(result, true);
        } catch (RuntimeException | Error e) {
            mine.completeExceptionally(e);
            throw e;
        } finally {
            flights.remove(key, mine);
        }
    }

    @SuppressWarnings("unchecked")
    private static <R> R await(CompletableFuture<Object> running) {
        try {
            return (R) running.join();
        } catch (CompletionException e) {
            // The leader's own exception, so followers fail exactly as the leader did (a NotFoundError stays one).
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw e;
        }
    }
}
