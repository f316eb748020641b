package com.kin.local.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.kin.local.template.FunctionSpec.HttpRouteSpec;
import com.kin.local.template.TemplateException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RouteTableTest {

    private final RouteTable routes = new RouteTable(List.of(
            route("GET", "/api/contacts"),
            route("POST", "/api/contacts/bulk"),
            route("GET", "/api/contacts/{id}"),
            route("ANY", "/api/contacts/{id}"),
            route("GET", "/files/{proxy+}"),
            route("ANY", "$default")));

    @Test
    void literalSegment_beatsAPathParameter() {
        assertThat(routes.match("POST", "/api/contacts/bulk")).hasValueSatisfying(m ->
                assertThat(m.route().routeKey()).isEqualTo("POST /api/contacts/bulk"));
    }

    @Test
    void pathParameter_isDecoded() {
        assertThat(routes.match("GET", "/api/contacts/a%20b")).hasValueSatisfying(m -> {
            assertThat(m.route().routeKey()).isEqualTo("GET /api/contacts/{id}");
            assertThat(m.pathParameters()).isEqualTo(Map.of("id", "a b"));
        });
    }

    @Test
    void ownMethod_beatsAny() {
        assertThat(routes.match("DELETE", "/api/contacts/7")).hasValueSatisfying(m ->
                assertThat(m.route().routeKey()).isEqualTo("ANY /api/contacts/{id}"));
    }

    @Test
    void greedyParameter_takesTheRestOfThePath() {
        assertThat(routes.match("GET", "/files/a/b/c.txt")).hasValueSatisfying(m ->
                assertThat(m.pathParameters()).isEqualTo(Map.of("proxy", "a/b/c.txt")));
    }

    @Test
    void defaultRoute_catchesWhatNothingElseMatches() {
        assertThat(routes.match("PUT", "/elsewhere")).hasValueSatisfying(m ->
                assertThat(m.route().routeKey()).isEqualTo("$default"));
    }

    @Test
    void withoutDefaultRoute_unknownPathDoesNotMatch() {
        RouteTable table = new RouteTable(List.of(route("GET", "/a")));

        assertThat(table.match("GET", "/b")).isEmpty();
        assertThat(table.match("POST", "/a")).isEmpty();
    }

    @Test
    void sameRouteTwice_isATemplateError() {
        assertThatThrownBy(() -> new RouteTable(List.of(route("GET", "/a"), route("GET", "/a"))))
                .isInstanceOf(TemplateException.class).hasMessageContaining("GET /a");
    }

    private static HttpRouteSpec route(String method, String path) {
        return new HttpRouteSpec("Fn", "Api", method, path, null, List.of());
    }
}
