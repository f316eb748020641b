package com.kin.core.web;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.kin.core.error.BadRequestError;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Rejects a request whose body is larger than {@link RequestBodyConfig#maxBodyBytes()} with a 400 before anything reads
 * it: no JSON is parsed, no idempotency record is claimed, nothing is written. API Gateway would pass up to 10 MB, which a
 * 2-connection function would otherwise parse and validate in full for an input no route accepts.
 *
 * <p>Runs right after the observability filter (so the rejection is still logged and counted) and before every other one.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
public final class RequestBodyLimitFilter implements Ordered {

    private final int maxBodyBytes;

    public RequestBodyLimitFilter(RequestBodyConfig config) {
        this.maxBodyBytes = config.maxBodyBytes();
    }

    @RequestFilter
    public void rejectOversized(HttpRequest<?> request) {
        long size = LambdaRequests.event(request).map(RequestBodyLimitFilter::bodyBytes)
                .orElseGet(request::getContentLength);
        if (size > maxBodyBytes) {
            throw new BadRequestError("request - the body is " + size + " bytes; this API accepts at most " + maxBodyBytes,
                    Map.of("body", "must be at most " + maxBodyBytes + " bytes"));
        }
    }

    /** The size of the body the client sent: decoded size when API Gateway base64-encoded it, UTF-8 size otherwise. */
    static long bodyBytes(APIGatewayV2HTTPEvent event) {
        String body = event.getBody();
        if (body == null || body.isEmpty()) {
            return 0;
        }
        if (event.getIsBase64Encoded()) {
            int padding = body.endsWith("==") ? 2 : body.endsWith("=") ? 1 : 0;
            return (long) body.length() * 3 / 4 - padding;
        }
        return body.getBytes(StandardCharsets.UTF_8).length;
    }

    @Override
    public int getOrder() {
        return ServerFilterPhase.FIRST.order();
    }
}
