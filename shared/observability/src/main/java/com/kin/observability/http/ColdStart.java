package com.kin.observability.http;

import jakarta.inject.Singleton;
import java.util.concurrent.atomic.AtomicBoolean;

/** Knows whether the current request is the first this instance (this application context) serves. */
@Singleton
public final class ColdStart {

    private final AtomicBoolean firstStillAhead = new AtomicBoolean(true);

    /** True for exactly one caller: the first request; false ever after. */
    public boolean claim() {
        return firstStillAhead.getAndSet(false);
    }

    /**
     * Makes the next request the first again: SnapStart priming sends a request before the snapshot, and the first
     * real request of every restored instance is the cold start Lambda and Powertools count.
     */
    public void rearm() {
        firstStillAhead.set(true);
    }
}
