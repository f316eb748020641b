package com.kin.snapstart;

import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;

/** A step whose warm never answers in time (a socket that hangs), for the time-box test only. */
@Singleton
@Requires(property = "test.snapstart.hanging-step", value = "true")
final class HangingStep implements PrimingStep {

    @Override
    public String subject() {
        return "a hanging service";
    }

    @Override
    public int getOrder() {
        return 150;
    }

    @Override
    public void warm() throws InterruptedException {
        Thread.sleep(60_000);
    }
}
