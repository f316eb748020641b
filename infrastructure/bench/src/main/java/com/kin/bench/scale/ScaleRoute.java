package com.kin.bench.scale;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.kin.bench.scale.ScaleData.Person;
import com.kin.core.identity.Caller;
import com.kin.core.identity.Role;
import com.kin.testing.LambdaEvents;
import java.util.Set;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * One measured request: a route of a function ({@code GET /api/contacts}), a variant (caller and query), the sample event
 * it is made from and the cache tags its read is stored under (invalidated before each invocation, so each is a miss).
 */
record ScaleRoute(String function, String route, String variant, String sample, UnaryOperator<String> pathEdit,
                  Person caller, String query, Function<Caller, Set<String>> tags) {

    /** events/{@code sample} as sent by the caller with the query; {@code pathEdit} rewrites its JSON (path ids). */
    APIGatewayV2HTTPEvent event() {
        APIGatewayV2HTTPEvent event = LambdaEvents.withQuery(LambdaEvents.http(sample, pathEdit), query);
        return LambdaEvents.as(event, caller.id(), caller.role(), caller.department());
    }

    /** The caller as the handlers bind it from the claims: what the read's cache tags are computed from. */
    Caller boundCaller() {
        Role role = Role.fromClaim(caller.role()).orElseThrow(
                () -> new IllegalStateException("scale bench - unknown role " + caller.role()));
        return new Caller(caller.id(), null, role, caller.department());
    }

    Set<String> invalidationTags() {
        return tags.apply(boundCaller());
    }

    /** The same route with another query (e.g. a next-page cursor appended) and variant label. */
    ScaleRoute withQuery(String newQuery, String newVariant) {
        return new ScaleRoute(function, route, newVariant, sample, pathEdit, caller, newQuery, tags);
    }

    String label() {
        return route + " [" + variant + "]";
    }
}
