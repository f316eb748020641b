package com.kin.local.gateway;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** A response on its way back to the client; header names lower-case, one entry per header line. */
public record GatewayResponse(int status, List<Map.Entry<String, String>> headers, byte[] body) {

    /** API Gateway's own error responses: a JSON body with a message. */
    static GatewayResponse error(int status, String message) {
        byte[] body = ("{\"message\":\"" + message + "\"}").getBytes(StandardCharsets.UTF_8);
        return new GatewayResponse(status, new ArrayList<>(List.of(Map.entry("content-type", "application/json"))), body);
    }

    static GatewayResponse notFound() {
        return error(404, "Not Found");
    }

    static GatewayResponse internalServerError() {
        return error(500, "Internal Server Error");
    }

    GatewayResponse withHeader(String name, String value) {
        List<Map.Entry<String, String>> more = new ArrayList<>(headers);
        more.add(Map.entry(name.toLowerCase(Locale.ROOT), value));
        return new GatewayResponse(status, more, body);
    }

    GatewayResponse withoutHeadersStartingWith(String prefix) {
        List<Map.Entry<String, String>> kept = headers.stream().filter(h -> !h.getKey().startsWith(prefix)).toList();
        return new GatewayResponse(status, kept, body);
    }
}
