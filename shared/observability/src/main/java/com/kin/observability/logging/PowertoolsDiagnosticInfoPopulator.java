package com.kin.observability.logging;

import com.amazonaws.services.lambda.runtime.Context;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.function.aws.DefaultDiagnosticInfoPopulator;
import io.micronaut.function.aws.DiagnosticInfoPopulator;
import io.micronaut.function.aws.XRayUtils;
import jakarta.inject.Singleton;
import org.slf4j.MDC;
import software.amazon.lambda.powertools.logging.PowertoolsLogging;

/**
 * Hands each invocation's Lambda context to Powertools logging, the programmatic equivalent of its AspectJ
 * {@code @Logging}.
 *
 * <p>Micronaut's function handler calls this at the start of every invocation, on the invoking thread, before the
 * request reaches any filter; it replaces Micronaut's default, which wrote the same facts under different MDC names.
 * The state of the previous invocation is dropped first so no field of one request leaks onto the next.
 */
@Singleton
@Replaces(DefaultDiagnosticInfoPopulator.class)
public final class PowertoolsDiagnosticInfoPopulator implements DiagnosticInfoPopulator {

    @Override
    public void populateMappingDiagnosticContextValues(Context context) {
        PowertoolsLogging.clearState(true);
        PowertoolsLogging.initializeLogging(context);
    }

    @Override
    public void populateMappingDiagnosticContextWithXrayTraceId() {
        XRayUtils.parseXrayTraceId().ifPresent(traceId -> MDC.put(LogFields.XRAY_TRACE_ID, traceId));
    }
}
