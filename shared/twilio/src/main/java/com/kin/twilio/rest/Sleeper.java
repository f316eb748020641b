package com.kin.twilio.rest;

import java.time.Duration;

/** Waits between retries; an interface so that unit tests do not wait. */
@FunctionalInterface
public interface Sleeper {

    void sleep(Duration pause) throws InterruptedException;
}
