package com.kin.cache;

import java.time.Duration;
import java.util.Objects;

/** How long a kind stays in one tier: a fixed time from the performance guide, or a configured one. */
record TtlRule(Source source, Duration fixed) {

    /** Where the duration comes from. */
    enum Source {
        /** The guide's own figure for the kind. */
        FIXED,
        /** {@code CACHE_TTL}: the guide's default for what it gives no figure. */
        DEFAULT,
        /** {@code SESSION_TTL}. */
        SESSION
    }

    static final TtlRule DEFAULT = new TtlRule(Source.DEFAULT, null);
    static final TtlRule SESSION = new TtlRule(Source.SESSION, null);

    TtlRule {
        Objects.requireNonNull(source, "source");
        if ((source == Source.FIXED) != (fixed != null)) {
            throw new IllegalArgumentException("a fixed TTL needs a duration and only a fixed one has one");
        }
    }

    static TtlRule seconds(long seconds) {
        return new TtlRule(Source.FIXED, Duration.ofSeconds(seconds));
    }

    static TtlRule minutes(long minutes) {
        return new TtlRule(Source.FIXED, Duration.ofMinutes(minutes));
    }

    Duration resolve(Duration defaultTtl, Duration sessionTtl) {
        return switch (source) {
            case FIXED -> fixed;
            case DEFAULT -> defaultTtl;
            case SESSION -> sessionTtl;
        };
    }
}
