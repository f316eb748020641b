package com.kin.local.gateway;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** An HTTP request as the gateway saw it on the wire: header names lower-cased, values in arrival order. */
public record GatewayRequest(String method, String rawPath, String rawQuery, List<Map.Entry<String, String>> headers,
                             byte[] body, String sourceIp, String protocol) {

    /** API Gateway's payload limit: larger requests are refused before any function runs. */
    static final int MAX_BODY_BYTES = 10 * 1024 * 1024;

    static GatewayRequest read(HttpExchange exchange) throws IOException {
        List<Map.Entry<String, String>> headers = new ArrayList<>();
        exchange.getRequestHeaders().forEach((name, values) ->
                values.forEach(value -> headers.add(Map.entry(name.toLowerCase(Locale.ROOT), value))));
        byte[] body;
        try (InputStream in = exchange.getRequestBody()) {
            body = in.readNBytes(MAX_BODY_BYTES + 1);
        }
        String query = exchange.getRequestURI().getRawQuery();
        return new GatewayRequest(exchange.getRequestMethod().toUpperCase(Locale.ROOT),
                exchange.getRequestURI().getRawPath(), query == null ? "" : query, List.copyOf(headers), body,
                exchange.getRemoteAddress().getAddress().getHostAddress(), exchange.getProtocol());
    }

    public Optional<String> header(String lowerCaseName) {
        return headers.stream().filter(h -> h.getKey().equals(lowerCaseName)).map(Map.Entry::getValue).findFirst();
    }

    /** The same request with another path: a function URL sees only what follows {@code /fn/<Function>}. */
    GatewayRequest withRawPath(String path) {
        return new GatewayRequest(method, path, rawQuery, headers, body, sourceIp, protocol);
    }
}
