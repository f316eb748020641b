package com.kin.local.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Turns a function's payload format 2.0 response into the HTTP response API Gateway sends. A JSON object with a
 * statusCode is a full response (headers, cookies as set-cookie, base64 bodies); any other valid JSON is sent as a 200
 * application/json body; anything else is API Gateway's 500. Format 2.0 has no {@code multiValueHeaders}: API Gateway
 * ignores that field (Micronaut fills it with copies of {@code headers}), so the gateway does too.
 */
final class ResponseMapper {

    /** Framing headers the gateway computes itself. */
    private static final Set<String> HOP_BY_HOP = Set.of("content-length", "transfer-encoding", "connection");
    private static final ObjectMapper JSON = new ObjectMapper();

    private ResponseMapper() {
    }

    static GatewayResponse map(byte[] payload) {
        JsonNode response;
        try {
            response = JSON.readTree(payload);
        } catch (IOException e) {
            return GatewayResponse.internalServerError();
        }
        if (response == null || !response.isObject() || !response.has("statusCode")) {
            return new GatewayResponse(200, List.of(Map.entry("content-type", "application/json")), payload);
        }
        int status = response.path("statusCode").asInt(-1);
        if (status < 100 || status > 599) {
            return GatewayResponse.internalServerError();
        }
        List<Map.Entry<String, String>> headers = new ArrayList<>();
        response.path("headers").fields().forEachRemaining(header -> add(headers, header.getKey(), header.getValue()));
        response.path("cookies").forEach(cookie -> headers.add(Map.entry("set-cookie", cookie.asText())));
        try {
            return new GatewayResponse(status, headers, body(response));
        } catch (IllegalArgumentException e) {
            // isBase64Encoded with a body that is not base64: API Gateway cannot send it either.
            return GatewayResponse.internalServerError();
        }
    }

    private static void add(List<Map.Entry<String, String>> headers, String name, JsonNode value) {
        String lowerCase = name.toLowerCase(Locale.ROOT);
        if (!HOP_BY_HOP.contains(lowerCase) && !value.isNull()) {
            headers.add(Map.entry(lowerCase, value.asText()));
        }
    }

    private static byte[] body(JsonNode response) {
        JsonNode body = response.path("body");
        if (body.isMissingNode() || body.isNull()) {
            return new byte[0];
        }
        String text = body.isTextual() ? body.asText() : body.toString();
        if (response.path("isBase64Encoded").asBoolean(false)) {
            return Base64.getDecoder().decode(text);
        }
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
