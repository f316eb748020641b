package com.kin.local.gateway;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Builds payload format 2.0 events as API Gateway HTTP APIs and Lambda function URLs build them: lower-cased
 * headers with repeated values comma-joined, cookies split out of the cookie header, decoded query parameters
 * comma-joined, and a base64 body unless the content type is text.
 */
final class PayloadV2 {

    /** Content types whose bodies stay text; every other body (forms included) arrives base64-encoded. */
    private static final Set<String> TEXT_TYPES = Set.of("application/json", "application/javascript",
            "application/xml", "application/yaml", "application/x-yaml");
    private static final DateTimeFormatter REQUEST_TIME =
            DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss Z", Locale.ENGLISH).withZone(ZoneOffset.UTC);
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Who the event is for: an HTTP API route (with the authorizer's claims, if any) or a function URL. */
    record Target(String routeKey, String apiId, Map<String, String> pathParameters, Map<String, String> claims,
                  List<String> scopes) {

        static Target functionUrl(String urlId) {
            return new Target("$default", urlId, Map.of(), null, List.of());
        }
    }

    private PayloadV2() {
    }

    static byte[] event(GatewayRequest request, Target target, String requestId, Instant now, int port) {
        ObjectNode event = JSON.createObjectNode();
        event.put("version", "2.0");
        event.put("routeKey", target.routeKey());
        event.put("rawPath", request.rawPath());
        event.put("rawQueryString", request.rawQuery());
        List<String> cookies = cookies(request);
        if (!cookies.isEmpty()) {
            cookies.forEach(event.putArray("cookies")::add);
        }
        headers(request, port).forEach(event.putObject("headers")::put);
        Map<String, String> query = queryParameters(request.rawQuery());
        if (!query.isEmpty()) {
            query.forEach(event.putObject("queryStringParameters")::put);
        }
        if (!target.pathParameters().isEmpty()) {
            target.pathParameters().forEach(event.putObject("pathParameters")::put);
        }
        requestContext(event.putObject("requestContext"), request, target, requestId, now);
        body(event, request);
        try {
            return JSON.writeValueAsBytes(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("gateway - cannot write the payload 2.0 event", e);
        }
    }

    private static void requestContext(ObjectNode context, GatewayRequest request, Target target, String requestId,
                                       Instant now) {
        String host = request.header("host").orElse("127.0.0.1");
        context.put("accountId", com.kin.local.template.LocalStack.ACCOUNT_ID);
        context.put("apiId", target.apiId());
        if (target.claims() != null) {
            ObjectNode jwt = context.putObject("authorizer").putObject("jwt");
            target.claims().forEach(jwt.putObject("claims")::put);
            if (target.scopes().isEmpty()) {
                jwt.putNull("scopes");
            } else {
                target.scopes().forEach(jwt.putArray("scopes")::add);
            }
        }
        context.put("domainName", host);
        context.put("domainPrefix", host.split("[.:]")[0]);
        ObjectNode http = context.putObject("http");
        http.put("method", request.method());
        http.put("path", URLDecoder.decode(request.rawPath().replace("+", "%2B"), StandardCharsets.UTF_8));
        http.put("protocol", request.protocol());
        http.put("sourceIp", request.sourceIp());
        http.put("userAgent", request.header("user-agent").orElse(""));
        context.put("requestId", requestId);
        context.put("routeKey", target.routeKey());
        context.put("stage", "$default");
        context.put("time", REQUEST_TIME.format(now));
        context.put("timeEpoch", now.toEpochMilli());
    }

    private static Map<String, String> headers(GatewayRequest request, int port) {
        Map<String, String> headers = new LinkedHashMap<>();
        for (Map.Entry<String, String> header : request.headers()) {
            if (!header.getKey().equals("cookie")) {
                headers.merge(header.getKey(), header.getValue(), (first, next) -> first + "," + next);
            }
        }
        headers.merge("x-forwarded-for", request.sourceIp(), (sent, ip) -> sent + ", " + ip);
        headers.putIfAbsent("x-forwarded-port", String.valueOf(port));
        headers.putIfAbsent("x-forwarded-proto", "http");
        return headers;
    }

    private static List<String> cookies(GatewayRequest request) {
        List<String> cookies = new ArrayList<>();
        request.headers().stream().filter(h -> h.getKey().equals("cookie")).forEach(h -> {
            for (String cookie : h.getValue().split(";")) {
                if (!cookie.isBlank()) {
                    cookies.add(cookie.trim());
                }
            }
        });
        return cookies;
    }

    static Map<String, String> queryParameters(String rawQuery) {
        Map<String, String> parameters = new LinkedHashMap<>();
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String name = URLDecoder.decode(equals < 0 ? pair : pair.substring(0, equals), StandardCharsets.UTF_8);
            String value = equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
            parameters.merge(name, value, (first, next) -> first + "," + next);
        }
        return parameters;
    }

    private static void body(ObjectNode event, GatewayRequest request) {
        if (request.body().length == 0) {
            event.put("isBase64Encoded", false);
            return;
        }
        if (isText(request.header("content-type").orElse(""))) {
            event.put("body", new String(request.body(), StandardCharsets.UTF_8));
            event.put("isBase64Encoded", false);
        } else {
            event.put("body", Base64.getEncoder().encodeToString(request.body()));
            event.put("isBase64Encoded", true);
        }
    }

    static boolean isText(String contentType) {
        String type = contentType.split(";")[0].trim().toLowerCase(Locale.ROOT);
        return type.startsWith("text/") || TEXT_TYPES.contains(type) || type.endsWith("+json") || type.endsWith("+xml");
    }
}
