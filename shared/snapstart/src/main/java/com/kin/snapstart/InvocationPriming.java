package com.kin.snapstart;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.kin.observability.http.ColdStart;
import io.micronaut.context.ApplicationContext;
import io.micronaut.context.annotation.Requires;
import io.micronaut.function.aws.proxy.payload2.APIGatewayV2HTTPEventFunction;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one read-only request through the function's own handler class, built over this same context (as every KIN
 * handler can be), so routing, argument binding, the controller, serde, filters and the error handler are loaded and
 * JIT-warmed before the snapshot. The request is the function's {@value #EVENT}: a GET by a synthetic caller, whose
 * answer (often 404) does not matter.
 */
@Singleton
@Requires(resources = "classpath:" + InvocationPriming.EVENT)
public final class InvocationPriming implements PrimingStep {

    static final String EVENT = "snapstart/priming-event.json";
    private static final Logger LOG = LoggerFactory.getLogger(InvocationPriming.class);

    private final ApplicationContext context;
    private final SnapStartConfig config;
    private final JsonMapper json;
    private final ColdStart coldStart;
    private final AtomicInteger invocations = new AtomicInteger();
    private volatile int lastStatus = -1;

    InvocationPriming(ApplicationContext context, SnapStartConfig config, JsonMapper json, ColdStart coldStart) {
        this.context = context;
        this.config = config;
        this.json = json;
        this.coldStart = coldStart;
    }

    @Override
    public String subject() {
        return "the request path";
    }

    @Override
    public int getOrder() {
        return 300;
    }

    @Override
    public void warm() throws Exception {
        String handlerClass = handlerClass();
        APIGatewayV2HTTPEvent event = event();
        APIGatewayV2HTTPResponse response = newHandler(handlerClass).handleRequest(event,
                new PrimingLambdaContext(context.getEnvironment().getProperty("micronaut.application.name", String.class)
                        .orElse("kin"), config.stepTimeout()));
        lastStatus = response.getStatusCode();
        invocations.incrementAndGet();
        LOG.info("snapstart - primed {} {} through {}: status {}", event.getRequestContext().getHttp().getMethod(),
                event.getRawPath(), handlerClass, lastStatus);
    }

    /** The priming request took the cold start; a restored instance's first real request is the cold one. */
    @Override
    public void release() {
        coldStart.rearm();
    }

    /** {@code SNAPSTART_HANDLER} when set (tests, local runs), else Lambda's {@code _HANDLER} without its method. */
    private String handlerClass() {
        String name = config.handler() != null && !config.handler().isBlank() ? config.handler() : System.getenv("_HANDLER");
        if (name == null || name.isBlank()) {
            throw new IllegalStateException("no handler class to prime through: neither _HANDLER (set by Lambda) nor "
                    + "SNAPSTART_HANDLER is set");
        }
        int method = name.indexOf("::");
        return method < 0 ? name.trim() : name.substring(0, method).trim();
    }

    private APIGatewayV2HTTPEventFunction newHandler(String className) throws ReflectiveOperationException {
        Class<?> type = Class.forName(className, true, context.getClassLoader());
        if (!APIGatewayV2HTTPEventFunction.class.isAssignableFrom(type)) {
            throw new IllegalStateException("handler " + className + " is not an APIGatewayV2HTTPEventFunction");
        }
        return (APIGatewayV2HTTPEventFunction) type.getConstructor(ApplicationContext.class).newInstance(context);
    }

    private APIGatewayV2HTTPEvent event() throws IOException {
        try (InputStream in = context.getClassLoader().getResourceAsStream(EVENT)) {
            if (in == null) {
                throw new IOException("classpath resource " + EVENT + " is missing");
            }
            return PrimingEvent.read(json, in.readAllBytes());
        }
    }

    /** Priming invocations that returned (whatever their status). */
    public int invocations() {
        return invocations.get();
    }

    /** The status the last priming invocation got; -1 before one returned. */
    public int lastStatus() {
        return lastStatus;
    }
}
