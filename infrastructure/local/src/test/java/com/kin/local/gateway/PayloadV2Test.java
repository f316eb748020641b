package com.kin.local.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PayloadV2Test {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant NOW = Instant.parse("2026-03-12T19:03:58.123Z");

    @Test
    void apiEvent_hasTheShapeApiGatewayBuilds() throws Exception {
        GatewayRequest request = request("GET", "/api/items/a%2Fb", "q=1&q=2&s=x%20y", "",
                Map.entry("host", "127.0.0.1:3000"), Map.entry("x-thing", "a"), Map.entry("x-thing", "b"),
                Map.entry("cookie", "c1=1; c2=2"), Map.entry("user-agent", "curl/8"));
        PayloadV2.Target target = new PayloadV2.Target("GET /api/items/{id}", "local", Map.of("id", "a/b"),
                Map.of("sub", "u1", "role", "agent"), List.of());

        JsonNode event = JSON.readTree(PayloadV2.event(request, target, "rid", NOW, 3000));

        assertThat(event.path("version").asText()).isEqualTo("2.0");
        assertThat(event.path("rawPath").asText()).isEqualTo("/api/items/a%2Fb");
        assertThat(event.path("rawQueryString").asText()).isEqualTo("q=1&q=2&s=x%20y");
        assertThat(event.path("queryStringParameters").path("q").asText()).isEqualTo("1,2");
        assertThat(event.path("queryStringParameters").path("s").asText()).isEqualTo("x y");
        assertThat(event.path("headers").path("x-thing").asText()).isEqualTo("a,b");
        assertThat(event.path("headers").has("cookie")).isFalse();
        assertThat(event.path("headers").path("x-forwarded-for").asText()).isEqualTo("10.0.0.9");
        assertThat(event.path("cookies").toString()).isEqualTo("[\"c1=1\",\"c2=2\"]");
        assertThat(event.path("pathParameters").path("id").asText()).isEqualTo("a/b");
        JsonNode context = event.path("requestContext");
        assertThat(context.path("http").path("method").asText()).isEqualTo("GET");
        assertThat(context.path("http").path("path").asText()).isEqualTo("/api/items/a/b");
        assertThat(context.path("http").path("sourceIp").asText()).isEqualTo("10.0.0.9");
        assertThat(context.path("http").path("userAgent").asText()).isEqualTo("curl/8");
        assertThat(context.path("time").asText()).isEqualTo("12/Mar/2026:19:03:58 +0000");
        assertThat(context.path("timeEpoch").asLong()).isEqualTo(NOW.toEpochMilli());
        assertThat(context.path("authorizer").path("jwt").path("claims").path("role").asText()).isEqualTo("agent");
        assertThat(context.path("stage").asText()).isEqualTo("$default");
        assertThat(event.has("body")).isFalse();
        assertThat(event.path("isBase64Encoded").asBoolean()).isFalse();
    }

    @Test
    void binaryAndFormBodies_areBase64Encoded_textAndJsonAreNot() throws Exception {
        JsonNode form = JSON.readTree(PayloadV2.event(request("POST", "/", "", "a=1",
                Map.entry("content-type", "application/x-www-form-urlencoded")), PayloadV2.Target.functionUrl("Fn"), "r", NOW, 1));
        JsonNode json = JSON.readTree(PayloadV2.event(request("POST", "/", "", "{\"a\":1}",
                Map.entry("content-type", "application/json; charset=utf-8")), PayloadV2.Target.functionUrl("Fn"), "r", NOW, 1));

        assertThat(form.path("isBase64Encoded").asBoolean()).isTrue();
        assertThat(new String(Base64.getDecoder().decode(form.path("body").asText()), StandardCharsets.UTF_8)).isEqualTo("a=1");
        assertThat(json.path("isBase64Encoded").asBoolean()).isFalse();
        assertThat(json.path("body").asText()).isEqualTo("{\"a\":1}");
    }

    @Test
    void functionUrlEvent_hasNoAuthorizerAndTheDefaultRoute() throws Exception {
        JsonNode event = JSON.readTree(PayloadV2.event(request("GET", "/voice", "", ""), PayloadV2.Target.functionUrl("Fn"),
                "r", NOW, 1));

        assertThat(event.path("routeKey").asText()).isEqualTo("$default");
        assertThat(event.path("requestContext").has("authorizer")).isFalse();
    }

    @SafeVarargs
    private static GatewayRequest request(String method, String path, String query, String body,
                                          Map.Entry<String, String>... headers) {
        return new GatewayRequest(method, path, query, List.of(headers), body.getBytes(StandardCharsets.UTF_8),
                "10.0.0.9", "HTTP/1.1");
    }
}
