package com.kin.local.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.kin.local.template.HttpApiSpec;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CorsPolicyTest {

    private final CorsPolicy cors = new CorsPolicy(new HttpApiSpec.Cors(List.of("http://localhost:5173"),
            List.of("GET", "POST"), List.of("authorization"), List.of("etag"), 600, false));

    @Test
    void preflightFromAnAllowedOrigin_getsTheConfiguredAnswer() {
        GatewayRequest preflight = request("OPTIONS", Map.entry("origin", "http://localhost:5173"),
                Map.entry("access-control-request-method", "POST"));

        assertThat(cors.isPreflight(preflight)).isTrue();
        GatewayResponse response = cors.preflight(preflight);
        assertThat(response.status()).isEqualTo(204);
        assertThat(response.headers()).contains(Map.entry("access-control-allow-origin", "http://localhost:5173"),
                Map.entry("access-control-allow-methods", "GET,POST"), Map.entry("access-control-allow-headers", "authorization"),
                Map.entry("access-control-max-age", "600"));
    }

    @Test
    void preflightFromAnotherOrigin_getsNoCorsHeaders() {
        GatewayRequest preflight = request("OPTIONS", Map.entry("origin", "https://evil.example"),
                Map.entry("access-control-request-method", "POST"));

        assertThat(cors.preflight(preflight).headers()).isEmpty();
    }

    @Test
    void functionsCorsHeaders_areReplacedByTheGateways() {
        GatewayResponse fromFunction = new GatewayResponse(200, List.of(Map.entry("access-control-allow-origin", "*"),
                Map.entry("x-a", "1")), new byte[0]);

        GatewayResponse response = cors.apply(request("GET", Map.entry("origin", "http://localhost:5173")), fromFunction);

        assertThat(response.headers()).containsExactly(Map.entry("x-a", "1"),
                Map.entry("access-control-allow-origin", "http://localhost:5173"), Map.entry("access-control-expose-headers", "etag"));
    }

    @Test
    void plainOptionsWithoutOrigin_isNoPreflight() {
        assertThat(cors.isPreflight(request("OPTIONS"))).isFalse();
    }

    @SafeVarargs
    private static GatewayRequest request(String method, Map.Entry<String, String>... headers) {
        return new GatewayRequest(method, "/api/x", "", List.of(headers), new byte[0], "127.0.0.1", "HTTP/1.1");
    }
}
