package com.kin.load.traffic.mix;

import com.fasterxml.jackson.databind.JsonNode;
import com.kin.load.traffic.RouteTemplate;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * One thing a user does, as one request: {@code prepare} builds it from what the session knows (empty when it needs an
 * id the session has not learned yet), {@code learn} takes ids and versions from a successful JSON response.
 */
public record Action(String name, RouteTemplate route, Function<Session, Optional<HttpCall>> prepare,
                     BiConsumer<Session, JsonNode> learn) {

    static Action of(String name, String routeKey, Function<Session, Optional<HttpCall>> prepare,
                     BiConsumer<Session, JsonNode> learn) {
        return new Action(name, RouteTemplate.of(routeKey), prepare, learn);
    }

    static Action of(String name, String routeKey, Function<Session, Optional<HttpCall>> prepare) {
        return of(name, routeKey, prepare, (session, body) -> { });
    }
}
