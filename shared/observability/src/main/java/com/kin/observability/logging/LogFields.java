package com.kin.observability.logging;

import java.util.Map;
import java.util.function.Supplier;
import org.slf4j.MDC;

/**
 * Names of the per-request fields on every JSON log line, and the one way application code changes them.
 *
 * <p>{@code correlation_id}, {@code cold_start}, {@code function_name} and {@code function_request_id} are Powertools'
 * own fields (its layout renders them); {@code request_id} and {@code route} are KIN's, rendered as extra keys.
 */
public final class LogFields {

    /** API Gateway's request id (also the {@code x-request-id} response header). */
    public static final String REQUEST_ID = "request_id";
    /** The request id, or Twilio's CallSid / MessageSid on webhooks: what ties a conversation's lines together. */
    public static final String CORRELATION_ID = "correlation_id";
    /** Whether this is the first request the instance serves. */
    public static final String COLD_START = "cold_start";
    /** The matched route template, e.g. {@code GET:/api/contacts/{id}}. */
    public static final String ROUTE = "route";
    /** Powertools' field for the Lambda invocation id. */
    public static final String FUNCTION_REQUEST_ID = "function_request_id";
    /** Powertools' field for the X-Ray trace id. */
    public static final String XRAY_TRACE_ID = "xray_trace_id";

    private LogFields() {
    }

    /**
     * Replaces the correlation id for the rest of this request's lines on the current thread, for a controller that
     * learns a better one (a Twilio sid the filter could not read) than the filter did.
     */
    public static void correlationId(String correlationId) {
        if (correlationId != null && !correlationId.isBlank()) {
            MDC.put(CORRELATION_ID, correlationId);
        }
    }

    /**
     * {@code work} carrying the calling thread's log fields (Lambda's, request and correlation ids) to the thread that
     * runs it, such as a {@code CompletableFuture} task, and removing them from that thread afterwards.
     */
    public static <T> Supplier<T> withCurrentFields(Supplier<T> work) {
        Map<String, String> fields = MDC.getCopyOfContextMap();
        return () -> {
            Map<String, String> previous = MDC.getCopyOfContextMap();
            if (fields == null) {
                MDC.clear();
            } else {
                MDC.setContextMap(fields);
            }
            try {
                return work.get();
            } finally {
                if (previous == null) {
                    MDC.clear();
                } else {
                    MDC.setContextMap(previous);
                }
            }
        };
    }
}
