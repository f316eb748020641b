package com.kin.local.gateway;

import com.kin.local.lambda.FunctionPool;
import com.kin.local.template.FunctionSpec.HttpRouteSpec;
import com.kin.local.template.HttpApiSpec;
import com.nimbusds.jose.jwk.RSAKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The HTTP API side of the gateway: CORS preflight, route selection, the route's JWT authorizer, then the payload
 * 2.0 event to the route's function, in API Gateway's order.
 */
final class HttpApiRouter {

    /** How the router reaches a function (the gateway owns waiting and error mapping). */
    interface Invoker {
        GatewayResponse invoke(FunctionPool pool, byte[] event, Duration timeout, int errorStatus);
    }

    private final RouteTable routes;
    private final Map<String, FunctionPool> pools;
    private final Map<String, JwtAuthorizer> authorizers = new HashMap<>();
    private final Map<String, CorsPolicy> corsByApi = new HashMap<>();
    private final Duration integrationTimeout;

    HttpApiRouter(Map<String, HttpApiSpec> apis, Map<String, FunctionPool> pools, RSAKey signingKey,
                  Duration integrationTimeout, Clock clock) {
        this.pools = pools;
        this.integrationTimeout = integrationTimeout;
        this.routes = new RouteTable(pools.values().stream().flatMap(pool -> pool.function().routes().stream()).toList());
        apis.forEach((apiId, api) -> {
            api.authorizers().forEach((name, spec) ->
                    authorizers.put(apiId + "/" + name, new JwtAuthorizer(spec, signingKey, clock)));
            if (api.cors() != null) {
                corsByApi.put(apiId, new CorsPolicy(api.cors()));
            }
        });
    }

    GatewayResponse handle(GatewayRequest request, String requestId, Instant now, int port, Invoker invoker) {
        Optional<CorsPolicy> cors = corsFor(request);
        if (cors.isPresent() && cors.get().isPreflight(request)) {
            return cors.get().preflight(request);
        }
        GatewayResponse response = route(request, requestId, now, port, invoker);
        return cors.map(policy -> policy.apply(request, response)).orElse(response);
    }

    private GatewayResponse route(GatewayRequest request, String requestId, Instant now, int port, Invoker invoker) {
        Optional<RouteTable.Match> match = routes.match(request.method(), request.rawPath());
        if (match.isEmpty()) {
            return GatewayResponse.notFound();
        }
        HttpRouteSpec route = match.get().route();
        Map<String, String> claims = null;
        List<String> scopes = List.of();
        if (route.authorizer() != null) {
            JwtAuthorizer.Decision decision = authorizers.get(route.apiId() + "/" + route.authorizer())
                    .authorize(request, route.scopes());
            if (decision instanceof JwtAuthorizer.Deny deny) {
                return denied(deny);
            }
            JwtAuthorizer.Allow allow = (JwtAuthorizer.Allow) decision;
            claims = allow.claims();
            scopes = allow.scopes();
        }
        PayloadV2.Target target = new PayloadV2.Target(route.routeKey(), "local", match.get().pathParameters(), claims, scopes);
        byte[] event = PayloadV2.event(request, target, requestId, now, port);
        return invoker.invoke(pools.get(route.functionId()), event, integrationTimeout, 500);
    }

    private static GatewayResponse denied(JwtAuthorizer.Deny deny) {
        GatewayResponse response = GatewayResponse.error(deny.status(), deny.status() == 401 ? "Unauthorized" : "Forbidden");
        if (deny.error() == null) {
            return response;
        }
        String description = deny.description() == null ? "" : deny.description().replace("\"", "'");
        return response.withHeader("www-authenticate",
                "Bearer scope=\"\" error=\"" + deny.error() + "\" error_description=\"" + description + "\"");
    }

    /** The CORS policy of the API that serves this path (by any method): preflights name no route of their own. */
    private Optional<CorsPolicy> corsFor(GatewayRequest request) {
        if (corsByApi.isEmpty()) {
            return Optional.empty();
        }
        if (corsByApi.size() == 1) {
            return Optional.of(corsByApi.values().iterator().next());
        }
        return pools.values().stream().flatMap(pool -> pool.function().routes().stream())
                .filter(route -> new RouteTable(List.of(route)).knowsPath(request.rawPath()))
                .map(route -> corsByApi.get(route.apiId())).filter(java.util.Objects::nonNull).findFirst();
    }
}
