package com.kin.core.web;

import com.kin.core.error.KinException;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.server.exceptions.response.Error;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import jakarta.inject.Singleton;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Writes every error response, ours and Micronaut's own (bad JSON, unknown route, constraint violations), as an RFC 9457
 * {@code application/problem+json} body carrying the request id.
 *
 * <p>A server fault that is not a {@link KinException} is a bug: its message may hold internals, so the client gets a generic
 * detail and the log keeps the rest.
 */
@Singleton
@Replaces(ErrorResponseProcessor.class)
public final class ProblemResponseProcessor implements ErrorResponseProcessor<Map<String, Object>> {

    public static final MediaType PROBLEM_JSON = MediaType.of("application/problem+json");
    private static final String TYPE_BASE = "https://kin.dev/problems/";

    @Override
    public MutableHttpResponse<Map<String, Object>> processResponse(ErrorContext context, MutableHttpResponse<?> response) {
        int status = response.code();
        KinException kin = context.getRootCause()
                .filter(KinException.class::isInstance).map(KinException.class::cast).orElse(null);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", kin != null ? TYPE_BASE + kin.type() : "about:blank");
        body.put("title", HttpStatus.valueOf(status).getReason());
        body.put("status", status);
        body.put("detail", detail(context, kin, status));
        body.put("instance", context.getRequest().getPath());
        LambdaRequests.requestId(context.getRequest()).ifPresent(id -> body.put("requestId", id));
        if (kin != null) {
            body.putAll(kin.extensions());
        } else if (status < 500) {
            Map<String, String> fields = FieldPaths.fieldErrors(context.getErrors());
            if (!fields.isEmpty()) {
                body.put("errors", fields);
            }
        }
        return response.contentType(PROBLEM_JSON).body(body);
    }

    private static String detail(ErrorContext context, KinException kin, int status) {
        if (kin != null) {
            return kin.getMessage();
        }
        if (status >= 500) {
            return "internal error - the failure was logged with this request id";
        }
        return context.getErrors().stream().findFirst().map(Error::getMessage)
                .map(ProblemResponseProcessor::withoutInternals).orElse(HttpStatus.valueOf(status).getReason());
    }

    /** Micronaut's binding messages can name Java types; clients get the part before any class name. */
    private static String withoutInternals(String message) {
        int javaName = message.indexOf("java.");
        int kinName = message.indexOf("com.kin.");
        int cut = javaName < 0 ? kinName : kinName < 0 ? javaName : Math.min(javaName, kinName);
        return cut < 0 ? message : message.substring(0, cut).trim();
    }
}
