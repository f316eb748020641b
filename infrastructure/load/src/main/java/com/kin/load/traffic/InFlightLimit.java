package com.kin.load.traffic;

import java.util.ArrayDeque;
import java.util.Queue;

/**
 * At most N requests in flight, without ever blocking the scheduler: a start that finds no free slot waits in a FIFO
 * queue and runs when a request ends. With HTTP/1.1 this also bounds the connections the client opens. Time spent
 * queued here is part of the measured latency (it is measured from the intended start).
 */
public final class InFlightLimit {

    private final int limit;
    private final Queue<Runnable> waiting = new ArrayDeque<>();
    private int inFlight;
    private int maxInFlight;
    private boolean closed;

    public InFlightLimit(int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("in-flight limit - must be at least 1, got " + limit);
        }
        this.limit = limit;
    }

    /** Runs {@code start} now if a slot is free, else when one is; {@code start} must lead to one {@link #release()}. */
    public void submit(Runnable start) {
        synchronized (this) {
            if (closed) {
                return;
            }
            if (inFlight >= limit) {
                waiting.add(start);
                return;
            }
            inFlight++;
            maxInFlight = Math.max(maxInFlight, inFlight);
        }
        start.run();
    }

    /** Ends one request: its slot goes to the longest-waiting start, if any. */
    public void release() {
        Runnable next;
        synchronized (this) {
            next = closed ? null : waiting.poll();
            if (next == null) {
                inFlight--;
                notifyAll();
                return;
            }
        }
        next.run();
    }

    /** Waits until nothing is in flight or queued, or until the deadline ({@link System#nanoTime()}); true when idle. */
    public synchronized boolean awaitIdle(long deadline) throws InterruptedException {
        while (inFlight > 0 || !waiting.isEmpty()) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            wait(Math.max(1, left / 1_000_000));
        }
        return true;
    }

    /** Drops what still waits and refuses new starts; returns how many were in flight or waiting. */
    public synchronized long close() {
        closed = true;
        long open = inFlight + waiting.size();
        waiting.clear();
        return open;
    }

    public synchronized int maxInFlight() {
        return maxInFlight;
    }

    public synchronized void resetMax() {
        maxInFlight = inFlight;
    }
}
