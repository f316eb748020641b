package com.kin.core.web;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import io.micronaut.http.HttpRequest;
import io.micronaut.servlet.http.ServletHttpRequest;
import java.util.Map;
import java.util.Optional;

/** Reads what API Gateway put into the payload-2.0 event behind a Micronaut request. */
public final class LambdaRequests {

    private LambdaRequests() {
    }

    /** The original event, when the request came through the API-proxy function (always, in a deployed function). */
    public static Optional<APIGatewayV2HTTPEvent> event(HttpRequest<?> request) {
        if (request instanceof ServletHttpRequest<?, ?> servlet
                && servlet.getNativeRequest() instanceof APIGatewayV2HTTPEvent event) {
            return Optional.of(event);
        }
        return Optional.empty();
    }

    /** API Gateway's request id, the id a client quotes when it reports a problem. */
    public static Optional<String> requestId(HttpRequest<?> request) {
        return event(request).map(APIGatewayV2HTTPEvent::getRequestContext)
                .map(APIGatewayV2HTTPEvent.RequestContext::getRequestId);
    }

    /** The JWT claims the authorizer verified; empty when the route has no authorizer or the token had none. */
    public static Map<String, String> jwtClaims(HttpRequest<?> request) {
        return event(request).map(APIGatewayV2HTTPEvent::getRequestContext)
                .map(APIGatewayV2HTTPEvent.RequestContext::getAuthorizer)
                .map(APIGatewayV2HTTPEvent.RequestContext.Authorizer::getJwt)
                .map(APIGatewayV2HTTPEvent.RequestContext.Authorizer.JWT::getClaims)
                .orElse(Map.of());
    }
}
