package com.kin.twilio.support;

import com.kin.twilio.rest.Sleeper;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/** A clock that only moves when told to, and a {@link Sleeper} that moves it instead of waiting. */
public final class SteppingClock extends Clock implements Sleeper {

    private Instant now = Instant.parse("2026-01-15T10:00:00Z");
    private final List<Duration> pauses = new ArrayList<>();

    public synchronized void advance(Duration step) {
        now = now.plus(step);
    }

    public synchronized List<Duration> pauses() {
        return List.copyOf(pauses);
    }

    @Override
    public synchronized void sleep(Duration pause) {
        pauses.add(pause);
        now = now.plus(pause);
    }

    @Override
    public synchronized Instant instant() {
        return now;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("fixed to UTC");
    }
}
