package com.kin.load.data;

import java.util.Arrays;
import java.util.Locale;

/**
 * How much data a seed run loads. {@code 1m} is the product's target size (one million contacts); {@code 10k} is one
 * percent of it for quick checks. Users stay at 200 in both, because the number of people does not grow with data.
 */
public enum Scale {
    SMALL("10k", 10_000L),
    LARGE("1m", 1_000_000L);

    public static final int USERS = 200;
    public static final int DEPARTMENTS = 10;

    private final String label;
    private final long contacts;

    Scale(String label, long contacts) {
        this.label = label;
        this.contacts = contacts;
    }

    /** The scale named {@code label} ("10k" or "1m"). */
    public static Scale parse(String label) {
        String wanted = label.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(scale -> scale.label.equals(wanted)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("--scale - unknown scale '" + label
                        + "'; expected one of 10k, 1m"));
    }

    public String label() {
        return label;
    }

    public long contacts() {
        return contacts;
    }

    public long calls() {
        return contacts * 3;
    }

    public long messages() {
        return contacts * 3;
    }

    /** One voicemail per ten calls: each is left on a missed inbound call (see {@link CallRows}). */
    public long voicemails() {
        return contacts * 3 / 10;
    }

    @Override
    public String toString() {
        return label;
    }
}
