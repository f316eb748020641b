package com.kin.load;

/** The database holds data this run must not add to (another scale, or seed users without a marker). */
public final class SeedRefusedException extends RuntimeException {

    public SeedRefusedException(String message) {
        super(message);
    }
}
