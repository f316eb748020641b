package com.kin.observability.errors;

/**
 * The reporter while {@code SENTRY_DSN} is unset: there is no tracker to send to, and the error has already been
 * logged with its cause by the caller.
 */
final class DisabledErrorReporter implements ErrorReporter {

    @Override
    public void report(Throwable error, String requestId) {
        // Deliberately nothing: reporting is switched off, the log line is the record.
    }
}
