package com.kin.idempotency;

/**
 * What the store holds for one key: the request's fingerprint and, once the first attempt finished, its response.
 * {@code response} is null while the first attempt is still running.
 */
public record IdempotencyRecord(String fingerprint, StoredResponse response) {

    public boolean completed() {
        return response != null;
    }
}
