package com.kin.bench.floor;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * The event a floor answers and the environment it runs in (the function's own: DB_URL, METRICS_LOCAL_URL, ...); the
 * environment is a lookup so that tests can pass a map.
 */
public record FloorRequest(APIGatewayV2HTTPEvent event, UnaryOperator<String> environment) {

    /** The process environment; a missing or blank variable fails naming it. */
    static FloorRequest of(APIGatewayV2HTTPEvent event) {
        return new FloorRequest(event, System::getenv);
    }

    String env(String name) {
        String value = environment.apply(name);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("floor - environment variable " + name + " is not set");
        }
        return value;
    }

    String pathParameter(String name) {
        return required("path parameter", name, event.getPathParameters());
    }

    /** A claim the gateway's JWT authorizer put in the event (sub, role, department). */
    String claim(String name) {
        Map<String, String> claims = Optional.ofNullable(event.getRequestContext())
                .map(APIGatewayV2HTTPEvent.RequestContext::getAuthorizer)
                .map(APIGatewayV2HTTPEvent.RequestContext.Authorizer::getJwt)
                .map(APIGatewayV2HTTPEvent.RequestContext.Authorizer.JWT::getClaims).orElse(null);
        return required("claim", name, claims);
    }

    /** A query string parameter, or null when the request has none of that name. */
    String query(String name) {
        Map<String, String> query = event.getQueryStringParameters();
        return query == null ? null : query.get(name);
    }

    private static String required(String kind, String name, Map<String, String> values) {
        String value = values == null ? null : values.get(name);
        if (value == null) {
            throw new IllegalArgumentException("floor - the event has no " + kind + " " + name);
        }
        return value;
    }
}
