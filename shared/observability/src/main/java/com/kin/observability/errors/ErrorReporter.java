package com.kin.observability.errors;

/**
 * Sends an unexpected error (one that became a 5xx, or failed a non-HTTP invocation) to the error tracker.
 *
 * <p>For HTTP requests {@link com.kin.observability.http.RequestObservabilityFilter} already reports every 5xx that
 * carries an exception; call this from code paths no HTTP filter sees, such as an SQS worker.
 */
public interface ErrorReporter extends AutoCloseable {

    /** Reports {@code error}, tagged with {@code requestId} and this function's name. Never throws. */
    void report(Throwable error, String requestId);

    /** Sends what is still queued and stops; a no-op unless reporting is enabled. */
    @Override
    default void close() {
    }
}
