package com.kin.cache;

import io.micronaut.core.type.Argument;
import java.util.Map;

/**
 * One value held in memory, with what is needed to tell whether it may still be served: the tag versions recorded
 * before it was read, the local invalidation number current then, and until when it is known to be current.
 */
final class L1Entry {

    private final Object value;
    private final Argument<?> type;
    private final Map<String, String> tagVersions;
    private final long capturedSeq;
    private final long expiresAt;
    private volatile long validUntil;

    L1Entry(Object value, Argument<?> type, Map<String, String> tagVersions, long capturedSeq, long validUntil,
            long expiresAt) {
        this.value = value;
        this.type = type;
        this.tagVersions = tagVersions;
        this.capturedSeq = capturedSeq;
        this.validUntil = validUntil;
        this.expiresAt = expiresAt;
    }

    Object value() {
        return value;
    }

    boolean holds(Argument<?> requested) {
        return type.equalsType(requested);
    }

    Map<String, String> tagVersions() {
        return tagVersions;
    }

    long capturedSeq() {
        return capturedSeq;
    }

    /** Epoch millis until which the entry is current without asking DynamoDB. */
    long validUntil() {
        return validUntil;
    }

    /** Epoch millis at which L1 drops the entry (its kind's L1 TTL, never past the L2 item it came from). */
    long expiresAt() {
        return expiresAt;
    }

    void extendValidity(long until) {
        if (until > validUntil) {
            validUntil = until;
        }
    }
}
