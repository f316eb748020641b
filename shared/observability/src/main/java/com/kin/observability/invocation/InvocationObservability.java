package com.kin.observability.invocation;

import com.amazonaws.services.lambda.runtime.Context;
import com.kin.observability.errors.ErrorReporter;
import com.kin.observability.http.ColdStart;
import com.kin.observability.http.RequestOutcomeRecorder;
import com.kin.observability.logging.LogFields;
import com.kin.observability.metrics.PowertoolsMetricsRecorder;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.function.aws.DiagnosticInfoPopulator;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.UUID;
import org.slf4j.MDC;

/**
 * For a function Lambda invokes with something other than an HTTP event (an SQS batch, a CloudFormation custom
 * resource), what {@link com.kin.observability.http.RequestObservabilityFilter} does for a request: Powertools' Lambda
 * fields, {@code cold_start} and the {@code ColdStart} metric, {@code request_id} and {@code correlation_id} on every
 * line, errors to the tracker with the request id, and the metrics written at the end. The pieces are the filter's own
 * beans, so both kinds of function count and log alike.
 *
 * <pre>
 * observability.begin(lambdaContext);
 * try { ... observability.correlate(messageId); ... } finally { observability.end(); }
 * </pre>
 * One invocation at a time per instance, as Lambda runs them; the fields live in the invoking thread's log context.
 */
@Singleton
public final class InvocationObservability {

    private static final List<String> KIN_FIELDS =
            List.of(LogFields.REQUEST_ID, LogFields.CORRELATION_ID, LogFields.COLD_START);

    private final DiagnosticInfoPopulator lambdaFields;
    private final ColdStart coldStart;
    private final RequestOutcomeRecorder outcomes;
    private final PowertoolsMetricsRecorder metrics;
    private final ErrorReporter errors;

    public InvocationObservability(DiagnosticInfoPopulator lambdaFields, ColdStart coldStart,
                                   RequestOutcomeRecorder outcomes, PowertoolsMetricsRecorder metrics,
                                   ErrorReporter errors) {
        this.lambdaFields = lambdaFields;
        this.coldStart = coldStart;
        this.outcomes = outcomes;
        this.metrics = metrics;
        this.errors = errors;
    }

    /**
     * Starts an invocation. {@code lambda} is the invocation's context for a plain {@code RequestHandler}; null when
     * Micronaut's {@code MicronautRequestHandler} has already handed it to Powertools (it does so before
     * {@code execute}). The request id is Lambda's invocation id; it is also the correlation id until
     * {@link #correlate} names a better one.
     */
    public void begin(@Nullable Context lambda) {
        if (lambda != null) {
            lambdaFields.populateMappingDiagnosticContextValues(lambda);
            lambdaFields.populateMappingDiagnosticContextWithXrayTraceId();
        }
        String requestId = invocationId(lambda);
        boolean cold = coldStart.claim();
        MDC.put(LogFields.REQUEST_ID, requestId);
        MDC.put(LogFields.CORRELATION_ID, requestId);
        MDC.put(LogFields.COLD_START, Boolean.toString(cold));
        if (cold) {
            outcomes.recordColdStart();
        }
    }

    /** The correlation id of the lines that follow (an SQS message id, a CloudFormation request id). */
    public void correlate(String correlationId) {
        LogFields.correlationId(correlationId);
    }

    /** Goes back to the invocation's own id as the correlation id, e.g. after one record of a batch. */
    public void uncorrelate() {
        LogFields.correlationId(MDC.get(LogFields.REQUEST_ID));
    }

    /** Reports an unexpected error to the tracker (Sentry when configured), tagged with this invocation's id. */
    public void report(Throwable error) {
        errors.report(error, MDC.get(LogFields.REQUEST_ID));
    }

    /** Ends the invocation: writes its metrics and clears KIN's log fields, whatever happened. */
    public void end() {
        try {
            metrics.flush();
        } finally {
            KIN_FIELDS.forEach(MDC::remove);
        }
    }

    private static String invocationId(@Nullable Context lambda) {
        String id = lambda != null ? lambda.getAwsRequestId() : MDC.get(LogFields.FUNCTION_REQUEST_ID);
        return id == null || id.isBlank() ? UUID.randomUUID().toString() : id;
    }
}
