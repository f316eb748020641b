package com.kin.load.traffic.mix;

import com.kin.local.auth.LocalUser;
import java.util.SplittableRandom;

/**
 * One virtual user: a user of the database signed in with its own token, what it has learned, and its own random
 * sequence (used by the scheduler thread only, so a run's draws follow from its seed; what a draw picks also depends on
 * the answers that have arrived).
 */
public final class Session {

    private final int index;
    private final LocalUser user;
    private final String token;
    private final SplittableRandom random;
    private final Twilio twilio;
    private final Known known = new Known();

    public Session(int index, LocalUser user, String token, long seed, Twilio twilio) {
        this.index = index;
        this.user = user;
        this.token = token;
        this.random = new SplittableRandom(seed);
        this.twilio = twilio;
    }

    public int index() {
        return index;
    }

    public LocalUser user() {
        return user;
    }

    public String role() {
        return user.role();
    }

    public String token() {
        return token;
    }

    public SplittableRandom random() {
        return random;
    }

    /** Twilio, for the webhooks that this user's traffic brings (its calls and messages). */
    public Twilio twilio() {
        return twilio;
    }

    public Known known() {
        return known;
    }
}
