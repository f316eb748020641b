package com.kin.local.gateway;

import com.kin.local.template.HttpApiSpec;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * An HTTP API's CorsConfiguration as API Gateway applies it: preflight requests are answered by the gateway
 * itself (no route, no authorizer, no function), and for other requests the gateway's CORS headers replace any
 * the function returned.
 */
final class CorsPolicy {

    private final HttpApiSpec.Cors cors;

    CorsPolicy(HttpApiSpec.Cors cors) {
        this.cors = cors;
    }

    boolean isPreflight(GatewayRequest request) {
        return request.method().equals("OPTIONS") && request.header("origin").isPresent()
                && request.header("access-control-request-method").isPresent();
    }

    GatewayResponse preflight(GatewayRequest request) {
        GatewayResponse response = new GatewayResponse(204, List.of(), new byte[0]);
        Optional<String> origin = allowedOrigin(request);
        if (origin.isEmpty()) {
            return response;
        }
        response = response.withHeader("access-control-allow-origin", origin.get());
        if (!cors.allowMethods().isEmpty()) {
            response = response.withHeader("access-control-allow-methods", String.join(",", cors.allowMethods()));
        }
        String requestedHeaders = request.header("access-control-request-headers").orElse("");
        if (cors.allowHeaders().contains("*") && !requestedHeaders.isEmpty()) {
            response = response.withHeader("access-control-allow-headers", requestedHeaders);
        } else if (!cors.allowHeaders().isEmpty()) {
            response = response.withHeader("access-control-allow-headers", String.join(",", cors.allowHeaders()));
        }
        if (cors.maxAge() != null) {
            response = response.withHeader("access-control-max-age", String.valueOf(cors.maxAge()));
        }
        return withCredentials(response);
    }

    GatewayResponse apply(GatewayRequest request, GatewayResponse response) {
        GatewayResponse stripped = response.withoutHeadersStartingWith("access-control-");
        Optional<String> origin = allowedOrigin(request);
        if (origin.isEmpty()) {
            return stripped;
        }
        GatewayResponse decorated = stripped.withHeader("access-control-allow-origin", origin.get());
        if (!cors.exposeHeaders().isEmpty()) {
            decorated = decorated.withHeader("access-control-expose-headers", String.join(",", cors.exposeHeaders()));
        }
        return withCredentials(decorated);
    }

    private GatewayResponse withCredentials(GatewayResponse response) {
        return cors.allowCredentials() ? response.withHeader("access-control-allow-credentials", "true") : response;
    }

    /** The value of access-control-allow-origin for this request's Origin, if that origin is allowed. */
    private Optional<String> allowedOrigin(GatewayRequest request) {
        Optional<String> origin = request.header("origin");
        if (origin.isEmpty()) {
            return Optional.empty();
        }
        if (cors.allowOrigins().contains("*")) {
            return Optional.of(cors.allowCredentials() ? origin.get() : "*");
        }
        String sent = origin.get().toLowerCase(Locale.ROOT);
        return cors.allowOrigins().stream().filter(allowed -> allowed.toLowerCase(Locale.ROOT).equals(sent))
                .findFirst().map(allowed -> origin.get());
    }
}
