package com.kin.core.web;

import com.kin.core.error.KinException;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The one place a {@link KinException} becomes an HTTP answer: its status, and a problem body from the processor. */
@Singleton
public final class KinExceptionHandler implements ExceptionHandler<KinException, HttpResponse<?>> {

    private static final Logger LOG = LoggerFactory.getLogger(KinExceptionHandler.class);

    private final ErrorResponseProcessor<?> processor;

    public KinExceptionHandler(ErrorResponseProcessor<?> processor) {
        this.processor = processor;
    }

    @Override
    public HttpResponse<?> handle(HttpRequest request, KinException exception) {
        // Server faults are logged once, with their cause, by the observability request filter.
        if (!exception.isServerFault()) {
            LOG.debug("{} {} rejected: {}", request.getMethod(), request.getPath(), exception.getMessage());
        }
        ErrorContext context = ErrorContext.builder(request).cause(exception).errorMessage(exception.getMessage()).build();
        return processor.processResponse(context, HttpResponse.status(io.micronaut.http.HttpStatus.valueOf(exception.status())));
    }
}
