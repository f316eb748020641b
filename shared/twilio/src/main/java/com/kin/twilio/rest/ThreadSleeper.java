package com.kin.twilio.rest;

import jakarta.inject.Singleton;
import java.time.Duration;

/** Sleeps the calling thread: a Lambda instance serves one request at a time, so blocking it is the cheapest wait. */
@Singleton
final class ThreadSleeper implements Sleeper {

    @Override
    public void sleep(Duration pause) throws InterruptedException {
        Thread.sleep(pause.toMillis());
    }
}
