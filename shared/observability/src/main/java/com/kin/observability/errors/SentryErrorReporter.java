package com.kin.observability.errors;

import io.sentry.Sentry;
import io.sentry.SentryOptions;

/**
 * Reports errors to Sentry, tagged with the function and the request id.
 *
 * <p>Sentry's default of sending no personal data (IP addresses, user details) is left as it is.
 *
 * <p>Each report is flushed before returning: Lambda freezes the instance once the response is sent, which would
 * strand an event left in Sentry's background queue.
 */
final class SentryErrorReporter implements ErrorReporter {

    static final String FUNCTION_TAG = "function";
    static final String REQUEST_ID_TAG = "request_id";

    private final long flushTimeoutMs;

    private SentryErrorReporter(long flushTimeoutMs) {
        this.flushTimeoutMs = flushTimeoutMs;
    }

    static SentryErrorReporter start(String dsn, ErrorReportingConfig config, String function) {
        Sentry.init(options -> configure(options, dsn, config, function));
        return new SentryErrorReporter(config.flushTimeoutMs());
    }

    @Override
    public void report(Throwable error, String requestId) {
        Sentry.captureException(error, scope -> scope.setTag(REQUEST_ID_TAG, requestId));
        Sentry.flush(flushTimeoutMs);
    }

    @Override
    public void close() {
        Sentry.close();
    }

    private static void configure(SentryOptions options, String dsn, ErrorReportingConfig config, String function) {
        options.setDsn(dsn);
        if (config.environment() != null && !config.environment().isBlank()) {
            options.setEnvironment(config.environment());
        }
        options.setTag(FUNCTION_TAG, function);
        // The Lambda runtime owns uncaught exceptions; KIN reports through the request filter instead.
        options.setEnableUncaughtExceptionHandler(false);
    }
}
