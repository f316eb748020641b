package com.kin.observability.http;

import com.kin.observability.logging.LogFields;
import com.kin.observability.metrics.PowertoolsMetricsRecorder;
import io.micronaut.context.propagation.slf4j.MdcPropagationContext;
import io.micronaut.core.order.Ordered;
import io.micronaut.core.propagation.MutablePropagatedContext;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;
import io.micronaut.web.router.RouteAttributes;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.slf4j.MDC;

/**
 * Wraps every request: names it in the log context, times it, and on the way out records its metrics, logs its line,
 * answers {@code x-request-id} and flushes the invocation's metrics.
 *
 * <p>Runs first on the way in and last on the way out, so its timing covers every other filter.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
public final class RequestObservabilityFilter implements Ordered {

    public static final String REQUEST_ID_HEADER = "x-request-id";
    private static final String STARTED_AT = "kin.observability.started-at";
    private static final String IDENTITY = "kin.observability.identity";

    private final Clock clock;
    private final ColdStart coldStart;
    private final RequestOutcomeRecorder outcomes;
    private final PowertoolsMetricsRecorder metrics;

    public RequestObservabilityFilter(Clock clock, ColdStart coldStart, RequestOutcomeRecorder outcomes,
            PowertoolsMetricsRecorder metrics) {
        this.clock = clock;
        this.coldStart = coldStart;
        this.outcomes = outcomes;
        this.metrics = metrics;
    }

    @RequestFilter
    public void begin(HttpRequest<?> request, MutablePropagatedContext propagatedContext) {
        RequestIdentity identity = RequestIdentities.of(request);
        boolean cold = coldStart.claim();
        MDC.put(LogFields.REQUEST_ID, identity.requestId());
        MDC.put(LogFields.CORRELATION_ID, identity.correlationId());
        MDC.put(LogFields.COLD_START, Boolean.toString(cold));
        MDC.put(LogFields.ROUTE, RouteLabel.of(request));
        request.setAttribute(STARTED_AT, clock.instant());
        request.setAttribute(IDENTITY, identity);
        // Carries the fields to whatever thread runs the controller; Micronaut restores them around it.
        Map<String, String> logContext = MDC.getCopyOfContextMap();
        propagatedContext.add(new MdcPropagationContext(logContext == null ? Map.of() : logContext));
        if (cold) {
            outcomes.recordColdStart();
        }
    }

    @ResponseFilter
    public void end(HttpRequest<?> request, MutableHttpResponse<?> response) {
        RequestIdentity identity = request.getAttribute(IDENTITY, RequestIdentity.class)
                .orElseGet(() -> RequestIdentities.of(request));
        Instant startedAt = request.getAttribute(STARTED_AT, Instant.class).orElseGet(clock::instant);
        response.header(REQUEST_ID_HEADER, identity.requestId());
        try {
            Duration duration = Duration.between(startedAt, clock.instant());
            Throwable error = RouteAttributes.getException(response).orElse(null);
            outcomes.record(new RequestOutcome(RouteLabel.of(request), response.code(), duration, error), identity);
        } finally {
            metrics.flush();
        }
    }

    @Override
    public int getOrder() {
        return ServerFilterPhase.FIRST.before();
    }
}
