package com.kin.load.traffic;

import com.kin.load.report.Recorder;
import com.kin.load.traffic.mix.ActionMix;
import com.kin.load.traffic.mix.Session;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.OptionalLong;
import java.util.PriorityQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * Fires every virtual user's requests at their intended times, on one thread, never waiting for answers (an open
 * model): the next due request of all users is taken from a queue ordered by time, waited for, handed to the
 * dispatcher (which does not block), and the user's following request is queued. A shared budget caps the requests of
 * the whole run (warm-up included).
 */
public final class Scheduler {

    /** What one phase scheduled: {@code planned} on the users' grids, {@code sent}, and those left for the cap. */
    public record PhaseResult(long planned, long sent, long notSent, long lastStartNanos) {
    }

    private record Slot(long start, int user, long k, double phase) {
    }

    private final List<Session> sessions;
    private final List<ActionMix> mixes;
    private final Dispatcher dispatcher;
    private final Rate rate;
    private final double jitter;
    private final AtomicLong budget;

    public Scheduler(List<Session> sessions, List<ActionMix> mixes, Dispatcher dispatcher, Rate rate, double jitter,
                     long maxRequests) {
        if (sessions.size() != mixes.size()) {
            throw new IllegalArgumentException("scheduler - one mix per session");
        }
        this.sessions = List.copyOf(sessions);
        this.mixes = List.copyOf(mixes);
        this.dispatcher = dispatcher;
        this.rate = rate;
        this.jitter = jitter;
        this.budget = new AtomicLong(maxRequests);
    }

    /** Runs one phase of {@code window} from the recorder's origin; returns when its last request has been sent. */
    public PhaseResult run(Duration window, Recorder recorder) {
        Pacing pacing = new Pacing(rate, jitter, window);
        PriorityQueue<Slot> due = new PriorityQueue<>(Comparator.comparingLong(Slot::start));
        long planned = 0;
        for (int user = 0; user < sessions.size(); user++) {
            // Each user's own random sequence: its phase and jitter follow from the run's seed.
            double phase = sessions.get(user).random().nextDouble();
            planned += pacing.count(phase);
            queue(due, pacing, user, 0, phase);
        }
        long sent = 0;
        long lastStart = 0;
        while (!due.isEmpty()) {
            Slot slot = due.poll();
            long intended = recorder.origin() + slot.start();
            waitUntil(intended);
            if (budget.getAndDecrement() <= 0) {
                break;
            }
            Session session = sessions.get(slot.user());
            dispatcher.send(session, mixes.get(slot.user()).next(session), intended, recorder);
            sent++;
            lastStart = slot.start();
            queue(due, pacing, slot.user(), slot.k() + 1, slot.phase());
        }
        return new PhaseResult(planned, sent, planned - sent, lastStart);
    }

    private void queue(PriorityQueue<Slot> due, Pacing pacing, int user, long k, double phase) {
        double draw = sessions.get(user).random().nextDouble() * 2 - 1;
        OptionalLong start = pacing.start(k, phase, draw);
        if (start.isPresent()) {
            due.add(new Slot(start.getAsLong(), user, k, phase));
        }
    }

    private static void waitUntil(long nanos) {
        for (long left = nanos - System.nanoTime(); left > 0; left = nanos - System.nanoTime()) {
            LockSupport.parkNanos(left);
        }
    }
}
